import { randomUUID } from 'crypto';
import type { HttpAnswer } from '../../http/HttpAnswer';
import { contextOf, DELIVERY_STATE, EVENT_KEY_PREFIX } from '../../inbox/DeliveryRecord';
import { DuplicateDelivery, InboxWriter } from '../../inbox/InboxWriter';
import { Stored, WebhookRejection } from '../Delivery';
import { deliveryValues } from './deliveryValues';
import type { DeliveryEvent, Split } from './splitEvents';

/** Seconds a sender is asked to wait when its delivery could not be stored or is still running. */
export const RETRY_AFTER_SECONDS = '5';

/**
 * A delivery split into events: one inbox row per event, committed together (the writer's group
 * commit). An event already stored under its idempotency key is left out, so a redelivery runs no
 * event twice. Events the type filter left out are counted in one row of their own, for the history.
 */
export function storeEvents(inbox: InboxWriter, instanceId: string) {
  return async (delivery: Split & { events: DeliveryEvent[] }, answerNow: HttpAnswer): Promise<Stored> => {
    const rows = delivery.events.map((event) => ({
      ...deliveryValues(delivery, event.context, {
        eventKey: `${EVENT_KEY_PREFIX}${randomUUID()}`,
        answerNow,
        instanceId,
      }),
      deliveryId: event.deliveryId ?? null,
      idempotencyKey: event.idempotencyKey ?? null,
    }));
    const { count, types } = delivery.dropped ?? { count: 0, types: [] };
    const dropped =
      count || !rows.length
        ? [
            {
              ...deliveryValues(delivery, delivery.context, { eventKey: null, answerNow, instanceId }),
              idempotencyKey: null,
              state: DELIVERY_STATE.DROPPED,
              error: count
                ? `${count} events left out by the type filter (${types.join(', ')})`
                : 'No events at the configured path',
            },
          ]
        : [];
    const results = await Promise.allSettled([...rows, ...dropped].map((values) => inbox.store(values)));
    const failure = results.find(
      (result): result is PromiseRejectedResult =>
        result.status === 'rejected' && !(result.reason instanceof DuplicateDelivery),
    );
    if (failure) {
      delivery.logger.error(`[webhook] workflow ${delivery.workflow.id}: events could not be stored`, {
        error: failure.reason,
      });
      throw new WebhookRejection(503, 'The delivery could not be stored, try again later', {
        'Retry-After': RETRY_AFTER_SECONDS,
      });
    }
    const runs = rows
      .filter((_, index) => results[index].status === 'fulfilled')
      .map((row) => ({ eventKey: row.eventKey as string, context: contextOf(row) }));
    if (runs.length < rows.length) {
      delivery.trace.rejection = `${rows.length - runs.length} of ${rows.length} events were delivered before`;
    }
    return { ...delivery, runs, answerNow };
  };
}
