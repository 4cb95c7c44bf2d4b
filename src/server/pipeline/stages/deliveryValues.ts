import type { WebhookContext } from '../../../common/types';
import type { HttpAnswer } from '../../http/HttpAnswer';
import { DELIVERY_STATE, DeliveryValues, extrasOf } from '../../inbox/DeliveryRecord';
import { clientAddressOf } from '../parsing/clientAddress';
import type { Identified } from '../Delivery';

/** The inbox row of a delivery (or of one of its events, with that event's context). */
export function deliveryValues(
  delivery: Identified,
  context: WebhookContext,
  { eventKey, answerNow, instanceId }: { eventKey: string | null; answerNow: HttpAnswer | null; instanceId: string },
): DeliveryValues {
  return {
    workflowId: delivery.workflow.id,
    workflowKey: delivery.key,
    sync: delivery.sync,
    method: context.method,
    headers: context.headers,
    query: context.query,
    body: context.body,
    extras: extrasOf(context),
    uploadsKey: delivery.uploadsKey ?? null,
    clientIp: clientAddressOf(delivery.ctx) || null,
    receivedAt: new Date(delivery.receivedAt),
    deliveryId: delivery.deliveryId ?? null,
    idempotencyKey: delivery.idempotencyKey ?? null,
    eventKey,
    state: DELIVERY_STATE.STORED,
    instanceId,
    ...(answerNow ? { answerStatus: answerNow.status } : {}),
  };
}
