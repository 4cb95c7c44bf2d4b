import type { Log } from '../Log';
import { EngineActivity, engineQuiet } from './engineActivity';
import type { RunScheduler } from './RunScheduler';

interface QueuedTask {
  run: () => Promise<void>;
}

/**
 * For SQLite, where two writing transactions at once fail with SQLITE_BUSY: one webhook run at a
 * time, never beside the engine's own work. Synchronous deliveries (a sender is waiting) go before
 * asynchronous ones (already answered), so a burst of async deliveries cannot starve them.
 */
export class SerialScheduler implements RunScheduler {
  private readonly syncTasks: QueuedTask[] = [];
  private readonly asyncTasks: QueuedTask[] = [];
  private pumping: Promise<void> | null = null;

  constructor(
    private readonly engine: EngineActivity | null,
    private readonly logger: Log,
  ) {}

  get pending() {
    return this.syncTasks.length + this.asyncTasks.length;
  }

  runSync<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.syncTasks.push({ run: () => this.holdingEngine(run).then(resolve, reject) });
      this.pump();
    });
  }

  startAsync(start: () => unknown): void {
    this.asyncTasks.push({
      run: async () => {
        await start();
        // The engine saves the event in the background; wait for it so the next run starts clean.
        await engineQuiet(this.engine);
      },
    });
    this.pump();
  }

  async drain(): Promise<void> {
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
          await engineQuiet(this.engine);
          await task.run().catch((error: unknown) => this.logger.error('[webhook] queued run failed', { error }));
        }
      } finally {
        this.pumping = null;
      }
    })();
  }

  private next(): QueuedTask | undefined {
    return this.syncTasks.shift() ?? this.asyncTasks.shift();
  }

  /** Marks the engine busy for the length of the run, exactly as its own dispatcher does. */
  private async holdingEngine<T>(run: () => Promise<T>): Promise<T> {
    const running = run();
    if (!this.engine) {
      return running;
    }
    const held = running.then(
      () => undefined,
      () => undefined,
    );
    this.engine.executing = held;
    try {
      return await running;
    } finally {
      if (this.engine.executing === held) {
        this.engine.executing = null;
      }
    }
  }
}
