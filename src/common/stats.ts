import type { DeliveryState } from './deliveries';

/** The action that answers the overview's counts and chart. */
export const STATS_ACTION = 'stats';

/**
 * The chart's time spans and how finely each is cut. Buckets are whole multiples of their size
 * since the Unix epoch, so they line up with the clock (minutes, quarter hours, hours in UTC).
 */
export const STATS_RANGES = {
  hour: { bucketSeconds: 60, buckets: 60 },
  day: { bucketSeconds: 15 * 60, buckets: 96 },
  week: { bucketSeconds: 60 * 60, buckets: 168 },
} as const;

export type StatsRange = keyof typeof STATS_RANGES;

export const DEFAULT_STATS_RANGE: StatsRange = 'day';

export function isStatsRange(value: unknown): value is StatsRange {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STATS_RANGES, value);
}

/**
 * What the overview counts a delivery as. Fewer than the history's outcomes: a chart reads best
 * with a handful of colours, and repeats, filtered-out events and handshakes are all "nothing to run".
 */
export type StatsOutcome = 'ran' | 'pending' | 'retrying' | 'failed' | 'gaveUp' | 'refused' | 'other';

export const STATS_OUTCOMES: readonly StatsOutcome[] = [
  'ran',
  'pending',
  'retrying',
  'failed',
  'gaveUp',
  'refused',
  'other',
];

const STATS_OUTCOME_OF_STATE: Record<DeliveryState, StatsOutcome> = {
  finished: 'ran',
  stored: 'pending',
  started: 'pending',
  retrying: 'retrying',
  failed: 'failed',
  gaveUp: 'gaveUp',
  refused: 'refused',
  duplicate: 'other',
  dropped: 'other',
  handshake: 'other',
};

export function statsOutcomeOf(state: string): StatsOutcome {
  return STATS_OUTCOME_OF_STATE[state as DeliveryState] ?? 'other';
}

/** Deliveries received in a window, in all and by outcome. */
export type StatsCounts = { received: number } & Record<StatsOutcome, number>;

export function emptyCounts(): StatsCounts {
  return { received: 0, ran: 0, pending: 0, retrying: 0, failed: 0, gaveUp: 0, refused: 0, other: 0 };
}

/** One webhook workflow (a version, as the history is) in the overview's table. */
export interface WorkflowStats {
  workflowId: number | string;
  key: string;
  title: string;
  enabled: boolean;
  current: boolean;
  lastHour: StatsCounts;
  lastDay: StatsCounts;
  /** Async deliveries stored and not started yet. */
  backlog: number;
}

/** One bucket of the chart: deliveries received from `start` for `bucketSeconds`, by outcome. */
export interface StatsBucket {
  start: string;
  counts: Partial<Record<StatsOutcome, number>>;
}

/** The answer of `webhookDeliveries:stats`. */
export interface DeliveryStatsView {
  /** The server's clock when it counted: the windows end here. */
  now: string;
  range: StatsRange;
  bucketSeconds: number;
  workflows: WorkflowStats[];
  totals: { lastHour: StatsCounts; lastDay: StatsCounts; backlog: number };
  /** Every bucket of the range, oldest first, the last one still filling. */
  series: StatsBucket[];
}
