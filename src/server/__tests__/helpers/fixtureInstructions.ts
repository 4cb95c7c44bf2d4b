import { FlowNodeModel, Instruction, JOB_STATUS, Processor } from '@nocobase/plugin-workflow';
import { RESPONDER_OPTION, WebhookResponder } from '../../http/WebhookResponder';

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

/**
 * A node that gives the waiting request its answer (as the HTTP Response node does) and then
 * keeps its run busy for `config.ms`: the answer is decided before the run has finished.
 */
export class OfferThenSleepInstruction extends Instruction {
  async run(node: FlowNodeModel, _input: unknown, processor: Processor) {
    const responder = processor.options[RESPONDER_OPTION] as WebhookResponder | undefined;
    const offered = responder?.offer({ status: 201, headers: {}, body: { decided: true } }) ?? false;
    await new Promise((resolve) => setTimeout(resolve, Number((node.config as { ms?: number }).ms ?? 0)));
    return { status: JOB_STATUS.RESOLVED, result: { offered } };
  }
}
