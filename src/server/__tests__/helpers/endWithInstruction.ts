import { FlowNodeModel, Instruction } from '@nocobase/plugin-workflow';

/**
 * A node that ends its run with the job status `config.status` (failed, error, aborted, canceled,
 * rejected…), for tests that need an execution to end in one particular way.
 */
export class EndWithInstruction extends Instruction {
  async run(node: FlowNodeModel) {
    const status = Number((node.config as { status?: number }).status);
    return { status, result: { message: `ended with status ${status} on purpose` } };
  }
}
