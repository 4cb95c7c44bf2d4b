import { HttpAnswer, jsonError } from '../http/HttpAnswer';
import { Answered, Guard, Received, Stage, WebhookRejection } from './Delivery';

type AnyStage = (delivery: never) => unknown;

/**
 * The request path, typed stage by stage: `then` only takes a stage whose input is what the stages
 * so far produce, so the order stages depend on is checked by the compiler. `run` goes through them
 * until one answers; a `WebhookRejection` becomes its JSON error, and anything unexpected a short
 * 500 without internals: a sender never sees a stack trace, and the process never crashes.
 */
export class Pipeline<Out> {
  private constructor(private readonly stages: AnyStage[]) {}

  static start(): Pipeline<Received> {
    return new Pipeline<Received>([]);
  }

  then<Next>(stage: Stage<Out, Next>): Pipeline<Next> {
    return new Pipeline<Next>([...this.stages, stage as AnyStage]);
  }

  /** A check that adds nothing: the delivery goes on unchanged when it passes. */
  check(guard: Guard<Out>): Pipeline<Out> {
    return this.then<Out>(async (delivery) => {
      await guard(delivery);
      return delivery;
    });
  }

  async run(received: Received): Promise<HttpAnswer> {
    try {
      let current: unknown = received;
      for (const stage of this.stages) {
        current = await (stage as (delivery: unknown) => unknown)(current);
        if (current instanceof Answered) {
          return current.answer;
        }
      }
      received.logger.error(`[webhook] workflow ${received.trace.workflowId}: no stage answered`);
      return jsonError(500, 'The webhook produced no answer');
    } catch (error) {
      if (error instanceof WebhookRejection) {
        received.trace.rejection = error.message;
        if (error.status >= 400 && error.status < 500) {
          received.trace.outcome = 'refused';
        }
        return jsonError(error.status, error.message, error.headers);
      }
      received.logger.error(`[webhook] workflow ${received.trace.workflowId}: unexpected failure`, { error });
      return jsonError(500, 'Internal error while handling the webhook');
    }
  }
}
