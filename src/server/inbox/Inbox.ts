import { randomUUID } from 'crypto';
import type { Database } from '@nocobase/database';
import type { LockManager } from '@nocobase/lock-manager';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import type { Log } from '../support/Log';
import { PeriodicSweep } from '../support/PeriodicSweep';
import type { RunScheduler } from '../scheduling/RunScheduler';
import { EVENT_KEY_PREFIX } from './DeliveryRecord';
import { DeliveryStarter } from './DeliveryStarter';
import { InboxSweeper } from './InboxSweeper';
import { InboxWriter } from './InboxWriter';
import type { RetryEvents } from './RetryEvents';
import { retentionFromEnv, RetentionSettings } from './retention';
import { SyncOutcomes } from './SyncOutcomes';

/** Read when the app loads, so that each app (and each test) can set its own. */
function settingsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    // How often the sweeper runs, and how long another process's stored deliveries are its own.
    sweepIntervalMs: Number(env.WEBHOOK_INBOX_SWEEP_MS) || 2_000,
    takeOverGraceMs: Number(env.WEBHOOK_INBOX_TAKEOVER_MS) || 60_000,
    // How often ended deliveries are pruned (rounded to whole sweeps).
    pruneIntervalMs: Number(env.WEBHOOK_INBOX_PRUNE_MS) || 60_000,
    // How often the group-commit batch sizes are logged (only when deliveries were stored).
    batchReportMs: Number(env.WEBHOOK_BATCH_REPORT_MS) || 60_000,
  };
}

export interface InboxDeps {
  db: Database;
  lockManager: LockManager;
  workflowPlugin: PluginWorkflowServer;
  scheduler: RunScheduler;
  logger: Log;
  /** The retention limits in force (the settings page's, else the environment's); read at each prune. */
  retention?: () => Promise<RetentionSettings>;
}

/**
 * The durable inbox of one app process: the group-commit writer the endpoint stores deliveries
 * with, the starter that hands them to the engine, the sweeper that recovers and records them, and
 * where sync outcomes are written. `start` and `stop` follow the app's life.
 */
export class Inbox {
  /** Marks the rows this process stored, so its sweeper can take them at once. */
  readonly instanceId = randomUUID();
  readonly writer: InboxWriter;
  readonly starter: DeliveryStarter;
  readonly outcomes: SyncOutcomes;
  private readonly sweeper: InboxSweeper;
  private readonly batchReport: PeriodicSweep;
  private readonly settings = settingsFromEnv();
  private stopping = false;

  constructor({ db, lockManager, workflowPlugin, scheduler, logger, retention }: InboxDeps) {
    this.writer = new InboxWriter(db, logger);
    this.starter = new DeliveryStarter(workflowPlugin, scheduler, logger);
    this.outcomes = new SyncOutcomes(db, logger);
    // Once its execution row exists, a delivery no longer needs to be held in memory.
    db.on('executions.afterCreate', (execution: { get(name: string): unknown }) => {
      const eventKey = execution.get('eventKey');
      if (typeof eventKey === 'string' && eventKey.startsWith(EVENT_KEY_PREFIX)) {
        this.starter.settled(eventKey);
      }
    });
    const findWorkflow = async (id: number) =>
      workflowPlugin.enabledCache.get(id) ??
      ((await db.getRepository('workflows').findOne({ filterByTk: id })) as WorkflowModel | null);
    this.sweeper = new InboxSweeper(db, lockManager, this.starter, findWorkflow, logger, {
      instanceId: this.instanceId,
      intervalMs: this.settings.sweepIntervalMs,
      graceMs: this.settings.takeOverGraceMs,
      retention: retention ?? (async () => retentionFromEnv()),
      pruneEvery: Math.max(1, Math.round(this.settings.pruneIntervalMs / this.settings.sweepIntervalMs)),
    });
    this.sweeper.onBacklogCounted = () => {
      this.writer.storedSinceCount = 0;
    };
    this.batchReport = new PeriodicSweep({
      everyMs: this.settings.batchReportMs,
      run: () => this.writer.reportBatches(),
      logger,
      failure: '[webhook] reporting the inbox batch sizes failed',
    });
  }

  /** Stored async deliveries not yet started: the last count plus what was stored since. */
  get backlog(): number {
    return this.sweeper.backlog + this.writer.storedSinceCount;
  }

  /** Whoever is told of the retries the sweeper starts and the deliveries it gives up (the metrics). */
  reportRetriesTo(events: RetryEvents) {
    this.sweeper.retryEvents = events;
  }

  /** False from the moment the app begins to stop: new deliveries are refused with 503 then. */
  get accepting(): boolean {
    return !this.stopping;
  }

  /** After the workflow plugin's own start, which makes its dispatcher ready. */
  start() {
    this.stopping = false;
    this.starter.resume();
    this.sweeper.start();
    this.batchReport.start();
  }

  /** Stored deliveries not yet handed to the engine stay in the inbox for the next start. */
  async stop() {
    this.stopping = true;
    this.batchReport.stop();
    await this.sweeper.stop();
    this.starter.stop();
    await this.writer.flushed();
    this.writer.reportBatches();
  }
}
