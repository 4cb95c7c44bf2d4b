import { createHash } from 'crypto';
import { splitFieldPath } from '../../../common/fieldPath';
import { Identified, Parsed, Stage } from '../Delivery';

/** Longest delivery id kept as sent; the unique key is a hash, so any length is recognised. */
const MAX_DELIVERY_ID_LENGTH = 255;

function valueAtPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of splitFieldPath(path)) {
    if (current == null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Reads the sender's own delivery id (a header such as `X-GitHub-Delivery` or `Idempotency-Key`,
 * or a body path such as `id`) when the trigger names one. Its hash, per workflow key, is what the
 * inbox's unique index holds, so a repeat is recognised by every app instance and after restarts.
 */
export const identifyDelivery: Stage<Parsed, Identified> = (delivery) => {
  const rule = delivery.config.idempotency;
  if (!rule || (!rule.header && !rule.bodyPath)) {
    return delivery;
  }
  const raw = rule.header ? delivery.ctx.get(rule.header) : valueAtPath(delivery.context.body, rule.bodyPath ?? '');
  if (raw == null || raw === '' || typeof raw === 'object') {
    return delivery;
  }
  const id = String(raw);
  return {
    ...delivery,
    deliveryId: id.slice(0, MAX_DELIVERY_ID_LENGTH),
    idempotencyKey: createHash('sha256').update(`${delivery.key}\n${id}`).digest('hex'),
  };
};

/**
 * The delivery's event type as `$context.eventType` (`X-GitHub-Event`, Stripe's `type`, …) when the
 * trigger names where it is, so that a designer can branch on it without writing a path. An event
 * split from a batch gets its own type from `events.type` instead.
 */
export const readEventType: Stage<Parsed, Parsed> = (delivery) => {
  const rule = delivery.config.eventType;
  if (!rule || (!rule.header && !rule.bodyPath)) {
    return delivery;
  }
  const value = rule.header ? delivery.ctx.get(rule.header) : valueAtPath(delivery.context.body, rule.bodyPath ?? '');
  if (value == null || value === '' || typeof value === 'object') {
    return delivery;
  }
  return { ...delivery, context: { ...delivery.context, eventType: String(value) } };
};
