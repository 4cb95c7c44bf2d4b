import { DELIVERY_STATE, DeliveryState } from '../../common/deliveries';
import type { WebhookContext } from '../../common/types';

export { DELIVERY_STATE };
export type { DeliveryState };

/** The values written for one accepted delivery. */
export interface DeliveryValues {
  workflowId: number | string;
  workflowKey: string;
  sync: boolean;
  method: string;
  headers: WebhookContext['headers'];
  query: WebhookContext['query'];
  body: unknown;
  /** `files`, `rawBody`, `rawBodyEncoding` when the request had them; null otherwise. */
  extras: Partial<Pick<WebhookContext, 'files' | 'rawBody' | 'rawBodyEncoding'>> | null;
  /** Shared by every row whose `files` were stored for one request, which own them together. */
  uploadsKey?: string | null;
  clientIp: string | null;
  receivedAt: Date;
  deliveryId: string | null;
  idempotencyKey: string | null;
  /** Null for rows that never run (refused, repeated, dropped). */
  eventKey: string | null;
  state: DeliveryState;
  instanceId: string;
  /** Known at once for async deliveries: the configured immediate answer. */
  answerStatus?: number;
  /** The delivery this one runs again (a replay from the history). */
  replayOf?: number | null;
  /** Why a row never runs (refused, dropped). */
  error?: string | null;
}

/** The prefix of every engine event key a delivery owns, so executions can be matched to rows. */
export const EVENT_KEY_PREFIX = 'webhook:';

/** Maps an execution's status (`EXECUTION_STATUS`) to the state of the delivery that started it. */
export function stateOfExecution(status: number | null | undefined): DeliveryState {
  if (status == null || status === 0) {
    return DELIVERY_STATE.STARTED;
  }
  return status > 0 ? DELIVERY_STATE.FINISHED : DELIVERY_STATE.FAILED;
}

export function contextOf(
  row: Pick<DeliveryValues, 'method' | 'headers' | 'query' | 'body' | 'extras'>,
): WebhookContext {
  return {
    method: row.method,
    headers: row.headers ?? {},
    query: row.query ?? {},
    body: row.body ?? null,
    ...(row.extras ?? {}),
  };
}

/** What of a run's context is kept beside method, headers, query and body. */
export function extrasOf({ method, headers, query, body, ...extras }: WebhookContext): DeliveryValues['extras'] {
  return Object.keys(extras).length ? extras : null;
}
