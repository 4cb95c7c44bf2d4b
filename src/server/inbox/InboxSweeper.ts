import { Database, Op } from '@nocobase/database';
import type { LockManager } from '@nocobase/lock-manager';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import type { Log } from '../support/Log';
import { PeriodicSweep } from '../support/PeriodicSweep';
import { DELIVERIES_COLLECTION } from '../constants';
import { contextOf, DELIVERY_STATE, DeliveryValues, stateOfExecution } from './DeliveryRecord';
import { DeliveryAttempts } from './DeliveryAttempts';
import type { DeliveryStarter } from './DeliveryStarter';
import { pruneFinished, RetentionSettings } from './retention';
import type { RetryEvents } from './RetryEvents';
import { rawRows } from '../support/typedReads';

export interface SweeperOptions {
  instanceId: string;
  /** How often stored deliveries are looked at while the app runs. */
  intervalMs: number;
  /** Another process's stored deliveries are only taken over once they are this old. */
  graceMs: number;
  /** Read at every prune, so that a change on the settings page applies from the next one. */
  retention: () => Promise<RetentionSettings>;
  /** Prune finished rows every this many sweeps. */
  pruneEvery: number;
}

interface StoredRow {
  id: number;
  eventKey: string;
  workflowId: number;
  instanceId: string | null;
  sync: boolean;
  receivedAt: Date;
  /** Which run of the delivery the row's event key starts (retries, see `DeliveryAttempts`). */
  attempt: number | null;
}

const ROW_ATTRIBUTES = ['id', 'eventKey', 'workflowId', 'instanceId', 'sync', 'receivedAt', 'attempt'];

const PAGE = 500;
const ABANDONED_SYNC_MS = 10 * 60_000;

function ageOf(row: StoredRow) {
  return Date.now() - new Date(row.receivedAt).getTime();
}
const LOCK_KEY = 'webhook:inbox-sweep';

/**
 * Brings the inbox up to date with the engine, in batches:
 * - a stored async delivery with no execution (its process crashed, it stopped, or the starter
 *   had no room) is started again under its own event key, so it can never run twice;
 * - a delivery whose execution exists gets its execution id and state (started, finished, failed;
 *   retrying or given up where its workflow retries, see `DeliveryAttempts`);
 * - a retry that is due goes back to the inbox as its next attempt, and is started with the rest;
 * - finished rows past the retention limits are pruned.
 * It runs once when the app starts and then every `intervalMs`, on one process at a time.
 */
export class InboxSweeper {
  private readonly periodic: PeriodicSweep;
  private readonly attempts: DeliveryAttempts;
  private sweeps = 0;
  private startedCursor = 0;
  /** Stored async deliveries not yet started, at the last sweep. */
  backlog = 0;

  constructor(
    private readonly db: Database,
    lockManager: LockManager,
    private readonly starter: DeliveryStarter,
    private readonly findWorkflow: (id: number) => Promise<WorkflowModel | null>,
    private readonly logger: Log,
    private readonly options: SweeperOptions,
  ) {
    this.attempts = new DeliveryAttempts(db, findWorkflow, logger, options.instanceId);
    this.attempts.onGaveUp = (workflowKey) => this.retryEvents?.gaveUp(workflowKey);
    this.periodic = new PeriodicSweep({
      everyMs: options.intervalMs,
      run: () => this.sweep(false),
      logger,
      failure: '[webhook] inbox sweep failed',
      level: 'error',
      lock: { lockManager, key: LOCK_KEY, ttlMs: 120_000 },
    });
  }

  /** At start-up every stored delivery is taken at once, whichever process stored it. */
  start() {
    this.periodic.start({ first: () => this.sweep(true) });
  }

  /** Resolves once the sweep going on, if any, has ended. */
  async stop() {
    this.periodic.stop();
    await this.periodic.idle();
  }

  private async sweep(takeOverAll: boolean) {
    // Under the sweep's lock, so that a due retry is moved and started by one process only.
    await this.attempts.promoteDue();
    await this.restartStored(takeOverAll);
    // After restarting, which records the rows whose run exists: those are not waiting.
    await this.countBacklog();
    await this.settleStarted();
    if (++this.sweeps % this.options.pruneEvery === 0) {
      await pruneFinished(this.db, await this.options.retention(), this.logger);
    }
  }

  private async countBacklog() {
    this.backlog = await this.model.count({ where: { state: DELIVERY_STATE.STORED, sync: false } });
    this.onBacklogCounted?.(this.backlog);
  }

  /** Told each new count, so that the writer's count of what was stored since starts again. */
  onBacklogCounted?: (backlog: number) => void;

  /** Told of each retry started and each delivery given up (the operators' metrics). */
  retryEvents?: RetryEvents;

  private get model() {
    return this.db.getModel(DELIVERIES_COLLECTION);
  }

  private async executionsByEventKey(eventKeys: string[]) {
    if (!eventKeys.length) {
      return new Map<string, { id: number; status: number | null }>();
    }
    const rows = await rawRows<{ id: number; eventKey: string; status: number | null }>(this.db, 'executions', {
      where: { eventKey: { [Op.in]: eventKeys } },
      attributes: ['id', 'eventKey', 'status'],
    });
    return new Map(rows.map((row) => [row.eventKey, { id: row.id, status: row.status }]));
  }

  private async restartStored(takeOverAll: boolean) {
    const rows = await rawRows<StoredRow>(this.db, DELIVERIES_COLLECTION, {
      where: { state: DELIVERY_STATE.STORED },
      attributes: ROW_ATTRIBUTES,
      order: [['id', 'ASC']],
      limit: PAGE * 2,
    });
    const candidates = rows.filter(
      (row) => !this.starter.isInFlight(row.eventKey) && this.mayTakeOver(row, takeOverAll),
    );
    if (!candidates.length) {
      return;
    }
    const executions = await this.executionsByEventKey(candidates.map((row) => row.eventKey));
    const withExecution = candidates.filter((row) => executions.has(row.eventKey));
    await this.recordExecutions(withExecution, executions);

    const neverRan = candidates.filter((row) => !executions.has(row.eventKey));
    const asyncRows = neverRan.filter((row) => !row.sync);
    // A sync delivery's sender got no 2xx and retries by itself: recovery never runs it, and once
    // it is long past any sync timeout, it is recorded as not run.
    const syncRows = neverRan.filter((row) => row.sync && ageOf(row) > ABANDONED_SYNC_MS);
    if (syncRows.length) {
      await this.model.update(
        {
          state: DELIVERY_STATE.FAILED,
          error: 'The app stopped before this synchronous delivery ran; it was not answered',
        },
        { where: { id: { [Op.in]: syncRows.map((row) => row.id) }, state: DELIVERY_STATE.STORED } },
      );
    }
    const toStart = asyncRows.slice(0, this.starter.room);
    if (!toStart.length) {
      return;
    }
    const full = (await this.model.findAll({
      where: { id: { [Op.in]: toStart.map((row) => row.id) } },
      order: [['id', 'ASC']],
    })) as unknown as Array<{ get(): DeliveryValues & { id: number; attempt: number | null } }>;
    for (const record of full) {
      const row = record.get();
      const workflow = await this.findWorkflow(Number(row.workflowId));
      if (!workflow) {
        await this.model.update(
          { state: DELIVERY_STATE.FAILED, error: 'Its workflow no longer exists' },
          { where: { id: row.id } },
        );
        continue;
      }
      // Only stored rows are restarted, and every stored row has its event key.
      const attempt = Number(row.attempt) || 1;
      if (row.eventKey && this.starter.start(workflow, contextOf(row), row.eventKey, attempt)) {
        await this.model.increment('attempts', { where: { id: row.id } });
        if (attempt > 1) {
          this.retryEvents?.retryStarted(workflow.key);
        }
      }
    }
    this.logger.info(`[webhook] inbox: ${toStart.length} stored deliveries started again`);
  }

  private mayTakeOver(row: StoredRow, takeOverAll: boolean) {
    if (takeOverAll || row.instanceId === this.options.instanceId) {
      return true;
    }
    return ageOf(row) > this.options.graceMs;
  }

  /** Looks at the next page of started deliveries (round robin, so long runs do not block it). */
  private async settleStarted() {
    const rows = await rawRows<StoredRow>(this.db, DELIVERIES_COLLECTION, {
      where: { state: DELIVERY_STATE.STARTED, id: { [Op.gt]: this.startedCursor } },
      attributes: ROW_ATTRIBUTES,
      order: [['id', 'ASC']],
      limit: PAGE,
    });
    this.startedCursor = rows.length < PAGE ? 0 : rows[rows.length - 1].id;
    const executions = await this.executionsByEventKey(rows.map((row) => row.eventKey));
    await this.recordExecutions(
      rows.filter((row) => executions.has(row.eventKey)),
      executions,
      DELIVERY_STATE.STARTED,
    );
  }

  private async recordExecutions(
    rows: StoredRow[],
    executions: Map<string, { id: number; status: number | null }>,
    unchanged?: string,
  ) {
    // Workflows that retry log each ended attempt on its row, one row at a time.
    const recorded = await this.attempts.recordEnded(
      rows.map((row) => {
        const execution = executions.get(row.eventKey)!;
        return { ...row, executionId: execution.id, status: execution.status };
      }),
    );
    const changes = rows
      .filter((row) => !recorded.has(row.id))
      .map((row) => {
        const execution = executions.get(row.eventKey)!;
        return { id: row.id, executionId: execution.id, state: stateOfExecution(execution.status) };
      })
      .filter((change) => change.state !== unchanged);
    if (!changes.length) {
      return;
    }
    // One statement per state, each row given its own execution id by a CASE: on SQLite every
    // statement holds the single write lock that the runs being recorded also need.
    const byState = new Map<string, typeof changes>();
    for (const change of changes) {
      const group = byState.get(change.state) ?? [];
      group.push(change);
      byState.set(change.state, group);
    }
    const { sequelize } = this.db;
    const id = sequelize.getQueryInterface().quoteIdentifier('id');
    await sequelize.transaction(async (transaction) => {
      for (const [state, group] of byState) {
        const executionIds = group.map(
          (change) => `WHEN ${Number(change.id)} THEN ${sequelize.escape(change.executionId)}`,
        );
        await this.model.update(
          { state, executionId: sequelize.literal(`CASE ${id} ${executionIds.join(' ')} END`) },
          { where: { id: { [Op.in]: group.map((change) => change.id) } }, transaction },
        );
      }
    });
  }
}
