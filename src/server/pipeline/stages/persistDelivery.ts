import { randomUUID } from 'crypto';
import type { Database } from '@nocobase/database';
import { HttpAnswer, jsonError } from '../../http/HttpAnswer';
import { DELIVERIES_COLLECTION } from '../../constants';
import { DELIVERY_STATE, EVENT_KEY_PREFIX } from '../../inbox/DeliveryRecord';
import { DuplicateDelivery, InboxWriter } from '../../inbox/InboxWriter';
import { Answered, Identified, Resolved, Stage, Stored, WebhookRejection } from '../Delivery';
import { deliveryValues } from './deliveryValues';
import { immediateAnswer } from './immediateAnswer';
import { RETRY_AFTER_SECONDS, storeEvents } from './storeEvents';
import type { Split } from './splitEvents';

const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 86_400;

export interface PersistDeps {
  db: Database;
  inbox: InboxWriter;
  instanceId: string;
}

interface EarlierDelivery {
  id: number;
  receivedAt: Date;
  state: string;
  answer: HttpAnswer | null;
}

/** How long a repeat of a delivery id is recognised. */
export function ttlMs(delivery: Resolved) {
  const ttl = Number(delivery.config.idempotency?.ttl);
  return (Number.isFinite(ttl) && ttl > 0 ? ttl : DEFAULT_IDEMPOTENCY_TTL_SECONDS) * 1000;
}

function repeatAnswer(earlier: EarlierDelivery, answerNow: HttpAnswer | null): HttpAnswer {
  const replayed = { 'Idempotent-Replayed': 'true' };
  if (answerNow) {
    return { ...answerNow, headers: { ...answerNow.headers, ...replayed } };
  }
  if (earlier.answer && earlier.state !== DELIVERY_STATE.STORED && earlier.state !== DELIVERY_STATE.STARTED) {
    return { ...earlier.answer, headers: { ...earlier.answer.headers, ...replayed } };
  }
  return jsonError(409, 'A delivery with this id is still being handled', { 'Retry-After': RETRY_AFTER_SECONDS });
}

/**
 * Writes the delivery to the inbox and waits for the commit: an async sender is answered only once
 * its delivery is stored. A repeat of a delivery id within its time to live is answered as the first
 * one was and starts nothing; an expired one gives up its id to the new delivery.
 */
export function persistDelivery({ db, inbox, instanceId }: PersistDeps): Stage<Split, Stored> {
  const model = () => db.getModel(DELIVERIES_COLLECTION);
  const store = (delivery: Identified, eventKey: string, answerNow: HttpAnswer | null) =>
    inbox.store(deliveryValues(delivery, delivery.context, { eventKey, answerNow, instanceId }));
  const events = storeEvents(inbox, instanceId);

  return async (delivery) => {
    const answerNow = delivery.sync ? null : immediateAnswer(delivery);
    if (delivery.events && answerNow) {
      return events({ ...delivery, events: delivery.events }, answerNow);
    }
    const eventKey = `${EVENT_KEY_PREFIX}${randomUUID()}`;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await store(delivery, eventKey, answerNow);
        return { ...delivery, runs: [{ eventKey, context: delivery.context }], answerNow };
      } catch (error) {
        if (!(error instanceof DuplicateDelivery) || attempt > 0) {
          if (error instanceof DuplicateDelivery) {
            throw new WebhookRejection(409, 'A delivery with this id is being stored', {
              'Retry-After': RETRY_AFTER_SECONDS,
            });
          }
          delivery.logger.error(`[webhook] workflow ${delivery.workflow.id}: delivery could not be stored`, { error });
          throw new WebhookRejection(503, 'The delivery could not be stored, try again later', {
            'Retry-After': RETRY_AFTER_SECONDS,
          });
        }
        // Not `raw`: JSON columns come back as text from SQLite and MySQL unless the model reads them.
        const earlier = (
          await model().findOne({
            where: { idempotencyKey: error.idempotencyKey },
            attributes: ['id', 'receivedAt', 'state', 'answer'],
          })
        )?.toJSON() as EarlierDelivery | undefined;
        if (earlier && Date.now() - new Date(earlier.receivedAt).getTime() < ttlMs(delivery)) {
          delivery.trace.rejection = 'duplicate delivery id';
          delivery.trace.outcome = 'duplicate';
          delivery.trace.deliveryId = delivery.deliveryId;
          return new Answered(repeatAnswer(earlier, answerNow));
        }
        // Remembered for longer than its time to live: the earlier row keeps its history, not its id.
        if (earlier) {
          await model().update(
            { idempotencyKey: null },
            { where: { id: earlier.id, idempotencyKey: error.idempotencyKey } },
          );
        }
      }
    }
  };
}
