import type { Log } from '../support/Log';
import { ArrivalHold, DEFAULT_HOLD, HoldOptions } from './ArrivalHold';
import type { EngineActivity } from '../host/engine';
import type { RunScheduler } from './RunScheduler';
import { startEach } from './startEach';

/** Bounds how long a waiting synchronous delivery can be held up by one batch of async ones. */
const MAX_ASYNC_BATCH = 50;
/** Under steady sync load, a waiting async batch still gets its turn after this many sync runs. */
const MAX_SYNC_STREAK = 8;

interface QueuedTask {
  run: () => Promise<void>;
}

/**
 * For SQLite, where two writing transactions at once fail with SQLITE_BUSY: one webhook run at a
 * time, never beside the engine's own work. Synchronous deliveries (a sender is waiting) go before
 * asynchronous ones (already answered), so a burst of async deliveries cannot starve them; after
 * MAX_SYNC_STREAK sync runs in a row a waiting async batch takes its turn, so neither starves.
 *
 * While async deliveries keep arriving, answering them comes first (`ArrivalHold`): a burst is
 * answered without runs taking SQLite's one write lock from it.
 */
export class SerialScheduler implements RunScheduler {
  private readonly syncTasks: QueuedTask[] = [];
  private readonly asyncStarts: Array<() => unknown> = [];
  private pumping: Promise<void> | null = null;
  private syncStreak = 0;
  private readonly hold: ArrivalHold;

  constructor(
    private readonly engine: EngineActivity,
    private readonly logger: Log,
    holdOptions: HoldOptions = DEFAULT_HOLD,
  ) {
    this.hold = new ArrivalHold((starts) => {
      this.asyncStarts.push(...starts);
      this.pump();
    }, holdOptions);
  }

  get pending() {
    return this.syncTasks.length + this.asyncStarts.length + this.hold.size;
  }

  runSync<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // The engine takes no queued run beside it: on SQLite the two would contend for the one lock.
      this.syncTasks.push({ run: () => this.engine.holdQueueWhile(run).then(resolve, reject) });
      this.pump();
    });
  }

  startAsync(start: () => unknown): void {
    this.hold.add(start);
  }

  async drain(): Promise<void> {
    this.hold.flush();
    while (this.pumping) {
      await this.pumping;
    }
  }

  private pump() {
    if (this.pumping) {
      return;
    }
    this.pumping = (async () => {
      try {
        for (let task = this.next(); task; task = this.next()) {
          await this.engine.quiet();
          await task.run().catch((error: unknown) => this.logger.error('[webhook] queued run failed', { error }));
        }
      } finally {
        this.pumping = null;
      }
    })();
  }

  private next(): QueuedTask | undefined {
    const asyncDue = this.asyncStarts.length > 0 && this.syncStreak >= MAX_SYNC_STREAK;
    const sync = asyncDue ? undefined : this.syncTasks.shift();
    if (sync) {
      this.syncStreak += 1;
      return sync;
    }
    this.syncStreak = 0;
    return this.nextAsyncBatch() ?? this.syncTasks.shift();
  }

  /**
   * Up to MAX_ASYNC_BATCH waiting async deliveries go to the engine together: its event saver
   * writes them one after the other (and, on SQLite, waits for any running execution itself),
   * which costs far less than a quiet cycle per delivery. Runs of the created executions then
   * take their turn.
   */
  private nextAsyncBatch(): QueuedTask | undefined {
    if (!this.asyncStarts.length) {
      return undefined;
    }
    const batch = this.asyncStarts.splice(0, MAX_ASYNC_BATCH);
    return {
      run: async () => {
        await startEach(batch, this.logger);
        await this.engine.quiet();
      },
    };
  }
}
