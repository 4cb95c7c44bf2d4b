import { jsonError } from '../HttpAnswer';
import { Delivery, Stage, WebhookRejection } from './Delivery';

/**
 * Runs the stages in order until one answers or rejects. Any unexpected failure becomes a short
 * 500 without internals: a sender must never see a stack trace, and the process must never crash.
 */
export async function runStages(stages: Stage[], delivery: Delivery): Promise<void> {
  try {
    for (const stage of stages) {
      await stage(delivery);
      if (delivery.answer) {
        return;
      }
    }
    delivery.answer = jsonError(500, 'The webhook produced no answer');
    delivery.logger.error(`[webhook] workflow ${delivery.workflow?.id}: no stage answered`);
  } catch (error) {
    if (error instanceof WebhookRejection) {
      delivery.answer = jsonError(error.status, error.message, error.headers);
      delivery.rejection = error.message;
      return;
    }
    delivery.answer = jsonError(500, 'Internal error while handling the webhook');
    delivery.logger.error(`[webhook] workflow ${delivery.workflow?.id}: unexpected failure`, { error });
  }
}
