import { senderDescriptor, type SenderDefaults } from '../../common/senders';
import type { WebhookTriggerConfig } from '../../common/types';

type DefaultKey = keyof SenderDefaults;

/** What a sender may fill, in the form's order; events and the immediate answer are for async workflows only. */
const KEYS: readonly DefaultKey[] = ['idempotency', 'eventType', 'events', 'response'];
const ASYNC_ONLY: readonly DefaultKey[] = ['events', 'response'];

const filled = (value: unknown) =>
  value != null &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'string' && !value.trim());

/** The part of a setting that says something, without empty fields and rows; undefined when it says nothing. */
function essence(key: DefaultKey, value: unknown): Record<string, unknown> | undefined {
  if (value == null || typeof value !== 'object') {
    return undefined;
  }
  const source = value as Record<string, unknown>;
  // A delivery ID's retention is the designer's, whichever sender names the ID.
  const names = key === 'idempotency' || key === 'eventType' ? ['header', 'bodyPath'] : Object.keys(source);
  const kept: Record<string, unknown> = {};
  for (const name of names) {
    let field = source[name];
    if (key === 'response' && name === 'headers' && Array.isArray(field)) {
      field = field.filter((row) => filled((row as { name?: unknown } | null)?.name));
    }
    if (filled(field)) {
      kept[name] = field;
    }
  }
  if (key === 'events' && !filled(kept.path)) {
    return undefined;
  }
  return Object.keys(kept).length ? kept : undefined;
}

/** JSON with object keys in order, so that settings compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The setting a sender's default gives, as a fresh copy the form may edit. */
function valueFor(key: DefaultKey, current: unknown, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const ttl = key === 'idempotency' ? (current as { ttl?: unknown } | null | undefined)?.ttl : undefined;
  return ttl != null ? { ttl, ...copy } : copy;
}

/** The setting once a previous sender's untouched default is taken back. */
function cleared(key: DefaultKey, current: unknown): unknown {
  if (key === 'idempotency') {
    const ttl = (current as { ttl?: unknown } | null | undefined)?.ttl;
    return ttl != null ? { ttl } : null;
  }
  return key === 'response' ? undefined : null;
}

/**
 * What picking the sender `next` changes besides the signature: each setting the sender always
 * sends (delivery ID, event type, events in a batch, the answer it expects) is filled where the
 * designer has set nothing, or where it still holds the previous sender's default untouched (that
 * sender's header would never arrive). A setting the designer wrote is never replaced. Picking the
 * custom scheme or none changes nothing.
 */
export function senderDefaultChanges(
  config: WebhookTriggerConfig | undefined,
  previous: string | null | undefined,
  next: string,
  { sync = false }: { sync?: boolean } = {},
): Partial<Record<DefaultKey, unknown>> {
  const sender = senderDescriptor(next);
  if (!sender) {
    return {};
  }
  const before = senderDescriptor(previous)?.defaults;
  const changes: Partial<Record<DefaultKey, unknown>> = {};
  for (const key of KEYS) {
    if (sync && ASYNC_ONLY.includes(key)) {
      continue;
    }
    const current = config?.[key];
    const now = essence(key, current);
    const untouched = before?.[key] != null && same(now, essence(key, before[key]));
    if (now !== undefined && !untouched) {
      continue;
    }
    const value = sender.defaults?.[key];
    if (value) {
      changes[key] = valueFor(key, current, value);
    } else if (untouched) {
      changes[key] = cleared(key, current);
    }
  }
  return changes;
}
