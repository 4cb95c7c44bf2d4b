import { createHash } from 'crypto';
import { parse } from '@nocobase/utils';
import { splitFieldPath } from '../../../common/fieldPath';
import type { EventsConfig, WebhookContext } from '../../../common/types';
import { Identified, Stage, WebhookRejection } from '../Delivery';

/** More events than this in one delivery are refused (413): each becomes a run. */
export const MAX_EVENTS = 1000;
const WILDCARD = '*';

/** One event of a delivery: the run's context, and its own idempotency key where it has an id. */
export interface DeliveryEvent {
  context: WebhookContext;
  deliveryId?: string;
  idempotencyKey?: string;
}

export interface Split extends Identified {
  /** Set when the trigger splits deliveries into events (async workflows). */
  events?: DeliveryEvent[];
  /** Events left out by the type filter, for the history. */
  dropped?: { count: number; types: string[] };
}

/** The items at a path such as `entry[*].changes[*]`: `*` takes every element (or value). */
export function itemsAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const segment of splitFieldPath(path)) {
    const next: unknown[] = [];
    for (const item of current) {
      if (item == null || typeof item !== 'object') {
        continue;
      }
      if (segment === WILDCARD) {
        next.push(...(Array.isArray(item) ? item : Object.values(item)));
      } else if (Object.prototype.hasOwnProperty.call(item, segment)) {
        next.push((item as Record<string, unknown>)[segment]);
      }
    }
    current = next;
  }
  return current.filter((item) => item !== undefined);
}

/**
 * A template such as `{{$event.value.messages[0].id}}` for one event. NocoBase's templates index
 * arrays with dots (`messages.0.id`), so brackets are read as dots; a template that does not
 * resolve gives "" (never its own text, which would make every event look the same).
 */
function render(template: string | undefined, event: unknown): string {
  if (!template) {
    return '';
  }
  if (!template.includes('{{')) {
    return template;
  }
  const dotted = template.replace(/\[(\d+)\]/g, '.$1');
  const value = parse(dotted)({ $event: event });
  return value == null || typeof value === 'object' || String(value).includes('{{') ? '' : String(value);
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * One delivery carrying many events (Meta's `entry[*].changes[*]`, a Segment batch, Shopify
 * bulk): each event becomes a run of its own, with `$context.event` (the item) and
 * `$context.eventType` beside the whole request. Events whose type is not in `filter` are left out
 * and counted. Each event's idempotency key comes from its own id (`{{$event.id}}`), or from the
 * delivery's id and its position, so that a redelivery runs no event twice.
 */
export const splitEvents: Stage<Identified, Split> = (delivery) => {
  const rule: EventsConfig | null | undefined = delivery.config.events;
  if (!rule?.path || delivery.sync) {
    return delivery;
  }
  const items = itemsAt(delivery.context.body, rule.path);
  if (items.length > MAX_EVENTS) {
    throw new WebhookRejection(413, `A delivery may carry at most ${MAX_EVENTS} events, this one has ${items.length}`);
  }
  const filter = (rule.filter ?? []).map(String).filter(Boolean);
  const events: DeliveryEvent[] = [];
  const droppedTypes = new Set<string>();
  let droppedCount = 0;
  items.forEach((event, index) => {
    const eventType = render(rule.type, event) || delivery.context.eventType || '';
    if (filter.length && !filter.includes(eventType)) {
      droppedCount += 1;
      droppedTypes.add(eventType);
      return;
    }
    const eventId = render(rule.id, event);
    const idempotencyKey = eventId
      ? hash(`${delivery.key}\nevent:${eventId}`)
      : delivery.idempotencyKey
        ? hash(`${delivery.idempotencyKey}#${index}`)
        : undefined;
    events.push({
      context: { ...delivery.context, event, eventType },
      deliveryId: eventId || delivery.deliveryId,
      idempotencyKey,
    });
  });
  return { ...delivery, events, dropped: { count: droppedCount, types: [...droppedTypes] } };
};
