import type { UploadedFile } from './types';

/**
 * Where a delivery is in its life: the inbox writes it, the history API reports it. Only `stored`
 * rows of async deliveries are (re)started.
 */
export const DELIVERY_STATE = {
  /** Committed, no execution yet. */
  STORED: 'stored',
  /** Its execution exists and has not ended (a sync delivery is `started` while its sender waits). */
  STARTED: 'started',
  FINISHED: 'finished',
  FAILED: 'failed',
  /** An async run failed and the trigger's `retry` gives it another attempt at `nextAttemptAt`. */
  RETRYING: 'retrying',
  /** Its last attempt failed too: nothing runs it again unless someone replays it. */
  GAVE_UP: 'gaveUp',
  /** Answered 4xx by a check (authentication, signature, method, limits, parsing); never runs. */
  REFUSED: 'refused',
  /** A repeat of a delivery id within its time to live; answered as the first, never runs. */
  DUPLICATE: 'duplicate',
  /** The events of a delivery that the trigger's type filter left out; never run. */
  DROPPED: 'dropped',
  /** A sender's verification request (a URL check, a challenge, a ping), answered; never runs. */
  HANDSHAKE: 'handshake',
} as const;

export type DeliveryState = (typeof DELIVERY_STATE)[keyof typeof DELIVERY_STATE];

/** One run of a delivery: the first, or a retry (see the trigger's `retry`). */
export interface AttemptRecord {
  attempt: number;
  executionId: number | string | null;
  /** The execution's status when it ended (NocoBase's `EXECUTION_STATUS`). */
  status: number | null;
  error?: string | null;
  endedAt: string;
}

/** A row of `webhookDeliveries:list` / `:get`. */
export interface DeliveryRow {
  id: number;
  workflowId: number | string;
  workflowKey?: string;
  method: string;
  receivedAt: string;
  state: DeliveryState;
  answerStatus: number | null;
  error: string | null;
  executionId: number | string | null;
  replayOf: number | null;
  clientIp: string | null;
  deliveryId: string | null;
  headers: Record<string, string> | null;
  query: Record<string, unknown> | null;
  body: unknown;
  extras: { files?: UploadedFile[]; rawBody?: string; rawBodyEncoding?: 'utf8' | 'base64' } | null;
  /** The attempt running or last run (1 for the first run). */
  attempt?: number;
  /** When the next attempt starts, while `retrying`. */
  nextAttemptAt?: string | null;
  /** Every ended attempt, oldest first. */
  attemptLog?: AttemptRecord[] | null;
}

/** What happened to a delivery, in the words the history shows. */
export type DeliveryOutcome =
  'ran' | 'running' | 'waiting' | 'failed' | 'refused' | 'duplicate' | 'dropped' | 'handshake' | 'retrying' | 'gaveUp';

const OUTCOME_OF_STATE: Record<DeliveryState, DeliveryOutcome> = {
  finished: 'ran',
  started: 'running',
  stored: 'waiting',
  failed: 'failed',
  refused: 'refused',
  duplicate: 'duplicate',
  dropped: 'dropped',
  handshake: 'handshake',
  retrying: 'retrying',
  gaveUp: 'gaveUp',
};

export const DELIVERY_OUTCOMES: readonly DeliveryOutcome[] = [
  'ran',
  'running',
  'waiting',
  'failed',
  'refused',
  'duplicate',
  'dropped',
  'handshake',
  'retrying',
  'gaveUp',
];

export function outcomeOf(state: DeliveryState | string): DeliveryOutcome {
  return OUTCOME_OF_STATE[state as DeliveryState] ?? 'waiting';
}

/** The states an outcome filter asks the API for. */
export function statesOf(outcomes: readonly DeliveryOutcome[]): DeliveryState[] {
  return (Object.keys(OUTCOME_OF_STATE) as DeliveryState[]).filter((state) =>
    outcomes.includes(OUTCOME_OF_STATE[state]),
  );
}

/** The `filter` of `webhookDeliveries:list` for a workflow, optionally narrowed to some outcomes. */
export function deliveryFilter(workflowId: number | string, outcomes: readonly DeliveryOutcome[] = []) {
  return outcomes.length ? { workflowId, state: { $in: statesOf(outcomes) } } : { workflowId };
}

/** Refused and repeated requests, and events the type filter left out, have nothing to run again. */
export function isReplayable(row: Pick<DeliveryRow, 'state'>): boolean {
  return row.state !== 'refused' && row.state !== 'duplicate' && row.state !== 'dropped' && row.state !== 'handshake';
}

/** A request refused for its credentials is kept without anything it sent. */
export function keptNothing(row: Pick<DeliveryRow, 'state' | 'answerStatus'>): boolean {
  return row.state === 'refused' && (row.answerStatus === 401 || row.answerStatus === 403);
}
