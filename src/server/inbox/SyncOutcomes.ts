import type { Database } from '@nocobase/database';
import type { Processor } from '@nocobase/plugin-workflow';
import type { HttpAnswer } from '../http/HttpAnswer';
import type { Log } from '../support/Log';
import type { WebhookResponder } from '../http/WebhookResponder';
import { DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE, stateOfExecution } from './DeliveryRecord';

/**
 * Records on a synchronous delivery's row what its run did and what its sender was answered, so a
 * repeat of the same delivery id gets the same answer and the history shows both.
 */
export class SyncOutcomes {
  constructor(
    private readonly db: Database,
    private readonly logger: Log,
  ) {}

  /** `answer` null: the sender was answered earlier (timeout); only the run's outcome is added. */
  async record(eventKey: string, processor: Processor | null, answer: HttpAnswer | null) {
    const execution = processor?.execution;
    const values: Record<string, unknown> = {};
    if (execution) {
      values.executionId = execution.id;
      values.state = stateOfExecution(execution.status);
    } else if (answer) {
      // 408: the run goes on and is recorded later; anything else: it never ran.
      values.state = answer.status === 408 ? DELIVERY_STATE.STARTED : DELIVERY_STATE.FAILED;
      if (answer.status !== 408) {
        values.error =
          'Not run: ' + String((answer.body as { error?: { message?: string } })?.error?.message ?? answer.status);
      }
    }
    if (answer) {
      values.answerStatus = answer.status;
      values.answer = answer;
    }
    try {
      await this.db.getModel(DELIVERIES_COLLECTION).update(values, { where: { eventKey } });
    } catch (error) {
      this.logger.error('[webhook] recording a synchronous outcome failed', { error });
    }
  }

  /**
   * The sender hung up before the answer an HTTP Response node chose was written (it gave up
   * waiting): once the run has saved its jobs, that node's job and the delivery say it was not sent.
   */
  async recordUndelivered(eventKey: string, responder: WebhookResponder, run: Promise<unknown>) {
    const job = responder.answeringJob;
    if (!job) {
      return;
    }
    await run.catch(() => null);
    try {
      await this.db.getModel('jobs').update({ result: { ...job.result, sent: false } }, { where: { id: job.id } });
      await this.db
        .getModel(DELIVERIES_COLLECTION)
        .update({ error: 'The sender hung up before the answer was written' }, { where: { eventKey } });
    } catch (error) {
      this.logger.error('[webhook] recording an undelivered answer failed', { error });
    }
  }
}
