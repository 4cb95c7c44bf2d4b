import { FlowNodeModel, Instruction, JOB_STATUS, Processor } from '@nocobase/plugin-workflow';

/**
 * A node that takes time, for timeout tests. It waits `config.ms` milliseconds and stops early
 * when the engine aborts the run (the workflow's own execution timeout).
 */
export class SleepInstruction extends Instruction {
  async run(node: FlowNodeModel, _input: unknown, _processor: Processor, options?: { signal?: AbortSignal }) {
    const ms = Number((node.config as { ms?: number }).ms ?? 0);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      options?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (options?.signal?.aborted) {
      return { status: JOB_STATUS.ABORTED, result: 'aborted' };
    }
    return { status: JOB_STATUS.RESOLVED, result: ms };
  }
}
