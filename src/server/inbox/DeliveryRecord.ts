import type { WebhookContext } from '../../common/types';

/** Where a stored delivery is in its life. Only `stored` rows of async deliveries are (re)started. */
export const DELIVERY_STATE = {
  /** Committed, no execution yet. */
  STORED: 'stored',
  /** Its execution exists and has not ended (a sync delivery is `started` while its sender waits). */
  STARTED: 'started',
  FINISHED: 'finished',
  FAILED: 'failed',
} as const;

export type DeliveryState = (typeof DELIVERY_STATE)[keyof typeof DELIVERY_STATE];

/** The values written for one accepted delivery. */
export interface DeliveryValues {
  workflowId: number | string;
  workflowKey: string;
  sync: boolean;
  method: string;
  headers: WebhookContext['headers'];
  query: WebhookContext['query'];
  body: unknown;
  clientIp: string | null;
  receivedAt: Date;
  deliveryId: string | null;
  idempotencyKey: string | null;
  eventKey: string;
  state: DeliveryState;
  instanceId: string;
  /** Known at once for async deliveries: the configured immediate answer. */
  answerStatus?: number;
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

export function contextOf(row: Pick<DeliveryValues, 'method' | 'headers' | 'query' | 'body'>): WebhookContext {
  return { method: row.method, headers: row.headers ?? {}, query: row.query ?? {}, body: row.body ?? null };
}
