import type { Database } from '@nocobase/database';
import { QueryTypes } from 'sequelize';
import {
  DeliveryStatsView,
  emptyCounts,
  STATS_RANGES,
  StatsBucket,
  StatsCounts,
  StatsRange,
  statsOutcomeOf,
} from '../../common/stats';
import { DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE } from '../inbox/DeliveryRecord';
import { bucketGrouping } from './epochBuckets';
import { webhookWorkflowsFor } from './webhookWorkflows';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Only requests to a webhook URL count: callbacks and calls to a sender's API share the table. */
const DELIVERY_KIND = 'delivery';

interface WindowRow {
  workflowId: number | string;
  state: string;
  lastHour: number | string | null;
  lastDay: number | string;
}

interface BucketRow {
  bucket: number | string;
  state: string;
  count: number | string;
}

interface BacklogRow {
  workflowId: number | string;
  count: number | string;
}

function add(counts: StatsCounts, state: string, count: number) {
  counts.received += count;
  counts[statsOutcomeOf(state)] += count;
}

/**
 * The overview's numbers, counted by the database with grouped queries that the indexes on
 * (receivedAt, …) and (workflowId, receivedAt, …) cover: no delivery row is read into memory,
 * only one row per workflow and state, or per bucket and state.
 */
export class DeliveryStats {
  constructor(private readonly db: Database) {}

  async read({
    range,
    workflowId,
    now = new Date(),
  }: {
    range: StatsRange;
    workflowId?: number | string;
    now?: Date;
  }): Promise<DeliveryStatsView> {
    const [windows, series, backlog] = await Promise.all([
      this.windowCounts(now, workflowId),
      this.series(now, range, workflowId),
      this.backlog(workflowId),
    ]);
    const lastHour = new Map<string, StatsCounts>();
    const lastDay = new Map<string, StatsCounts>();
    const totals = { lastHour: emptyCounts(), lastDay: emptyCounts(), backlog: 0 };
    const countsOf = (map: Map<string, StatsCounts>, id: number | string) => {
      const key = String(id);
      if (!map.has(key)) {
        map.set(key, emptyCounts());
      }
      return map.get(key) as StatsCounts;
    };
    for (const row of windows) {
      add(countsOf(lastHour, row.workflowId), row.state, Number(row.lastHour ?? 0));
      add(countsOf(lastDay, row.workflowId), row.state, Number(row.lastDay));
      add(totals.lastHour, row.state, Number(row.lastHour ?? 0));
      add(totals.lastDay, row.state, Number(row.lastDay));
    }
    const backlogOf = new Map(backlog.map((row) => [String(row.workflowId), Number(row.count)]));
    totals.backlog = backlog.reduce((sum, row) => sum + Number(row.count), 0);

    // Every current webhook workflow, and older versions while they still have traffic or a backlog.
    const active = new Set([...lastDay.keys(), ...backlogOf.keys()]);
    const workflows = await webhookWorkflowsFor(this.db, { workflowId, withIds: [...active] });
    return {
      now: now.toISOString(),
      range,
      bucketSeconds: STATS_RANGES[range].bucketSeconds,
      workflows: workflows.map((workflow) => ({
        ...workflow,
        lastHour: lastHour.get(String(workflow.workflowId)) ?? emptyCounts(),
        lastDay: lastDay.get(String(workflow.workflowId)) ?? emptyCounts(),
        backlog: backlogOf.get(String(workflow.workflowId)) ?? 0,
      })),
      totals,
      series,
    };
  }

  private get table() {
    return this.db.getCollection(DELIVERIES_COLLECTION).quotedTableName() as string;
  }

  /** The column's quoted name (NocoBase may store fields in snake case). */
  private column(attribute: string): string {
    const model = this.db.getModel(DELIVERIES_COLLECTION);
    return this.name(model.getAttributes()[attribute]?.field ?? attribute);
  }

  private scope(workflowId: number | string | undefined): string {
    const kind = `${this.column('kind')} = :kind`;
    return workflowId == null ? kind : `${this.column('workflowId')} = :workflowId AND ${kind}`;
  }

  private select<T extends object>(sql: string, replacements: Record<string, unknown>): Promise<T[]> {
    return this.db.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });
  }

  /**
   * Per workflow and state: received in the last day, and of those in the last hour. Grouped by
   * `workflowId + 0`: grouped by the bare column, SQLite walks the whole (workflowId, …) index for
   * its order instead of reading the day's range of the (receivedAt, …) one.
   */
  private windowCounts(now: Date, workflowId: number | string | undefined) {
    const receivedAt = this.column('receivedAt');
    const workflow = this.column('workflowId');
    const state = this.column('state');
    return this.select<WindowRow>(
      `SELECT ${workflow} + 0 AS ${this.name('workflowId')}, ${state} AS ${this.name('state')},
        COUNT(*) AS ${this.name('lastDay')},
        SUM(CASE WHEN ${receivedAt} >= :hourAgo THEN 1 ELSE 0 END) AS ${this.name('lastHour')}
       FROM ${this.table}
       WHERE ${receivedAt} >= :dayAgo AND ${this.scope(workflowId)}
       GROUP BY ${workflow} + 0, ${state}`,
      {
        hourAgo: new Date(now.getTime() - HOUR_MS),
        dayAgo: new Date(now.getTime() - DAY_MS),
        kind: DELIVERY_KIND,
        workflowId: workflowId ?? null,
      },
    );
  }

  /** Every bucket of the range, oldest first, with its deliveries by outcome (none: `{}`). */
  private async series(now: Date, range: StatsRange, workflowId: number | string | undefined): Promise<StatsBucket[]> {
    const { bucketSeconds, buckets } = STATS_RANGES[range];
    const sizeMs = bucketSeconds * 1000;
    // The bucket now falls in is the last one; the first starts `buckets - 1` sizes before it.
    const first = Math.floor(now.getTime() / sizeMs) - (buckets - 1);
    const receivedAt = this.column('receivedAt');
    const state = this.column('state');
    const grouping = bucketGrouping(this.db, receivedAt, bucketSeconds);
    const rows = await this.select<BucketRow>(
      `SELECT ${grouping.sql} AS ${this.name('bucket')}, ${state} AS ${this.name('state')}, COUNT(*) AS ${this.name('count')}
       FROM ${this.table}
       WHERE ${receivedAt} >= :from AND ${this.scope(workflowId)}
       GROUP BY ${grouping.sql}, ${state}`,
      { from: new Date(first * sizeMs), kind: DELIVERY_KIND, workflowId: workflowId ?? null },
    );
    const series: StatsBucket[] = Array.from({ length: buckets }, (_value, index) => ({
      start: new Date((first + index) * sizeMs).toISOString(),
      counts: {},
    }));
    for (const row of rows) {
      const entry = series[grouping.bucketOf(row.bucket) - first];
      if (entry) {
        const outcome = statsOutcomeOf(row.state);
        entry.counts[outcome] = (entry.counts[outcome] ?? 0) + Number(row.count);
      }
    }
    return series;
  }

  /**
   * Async deliveries waiting to start, per workflow, found through the index on state (grouped by
   * `workflowId + 0` for the same reason as the window counts).
   */
  private backlog(workflowId: number | string | undefined) {
    const workflow = this.column('workflowId');
    return this.select<BacklogRow>(
      `SELECT ${workflow} + 0 AS ${this.name('workflowId')}, COUNT(*) AS ${this.name('count')}
       FROM ${this.table}
       WHERE ${this.column('state')} = :stored AND ${this.column('sync')} = :sync AND ${this.scope(workflowId)}
       GROUP BY ${workflow} + 0`,
      { stored: DELIVERY_STATE.STORED, sync: false, kind: DELIVERY_KIND, workflowId: workflowId ?? null },
    );
  }

  /** A quoted alias: PostgreSQL folds unquoted ones to lower case. */
  private name(alias: string): string {
    return this.db.sequelize.getQueryInterface().quoteIdentifier(alias);
  }
}
