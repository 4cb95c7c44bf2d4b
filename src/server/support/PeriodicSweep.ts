import type { LockManager } from '@nocobase/lock-manager';
import { exclusively } from './exclusively';
import type { Log } from './Log';

/** A sweep that runs on one app instance at a time. */
export interface SweepLock {
  lockManager: LockManager;
  key: string;
  /** How long one run may hold the lock before another instance may take it. */
  ttlMs: number;
}

export interface PeriodicSweepOptions {
  /** Time between two runs, in ms. */
  everyMs: number;
  run: () => unknown;
  logger: Log;
  /** Logged, with the error, when a run fails: `[webhook] reading workflows failed`. */
  failure: string;
  /** `warn` by default. */
  level?: 'warn' | 'error';
  /**
   * Under NocoBase's lock manager (memory in one process, the cluster's adapter across several):
   * a run is skipped while another holder has the lock, since that one does the same work.
   */
  lock?: SweepLock;
}

/**
 * Work repeated on a timer while the app runs, started after the app starts and stopped before it
 * stops. The timer never keeps the process alive; a tick that comes while the last run is still
 * going is skipped; a failed run is logged, and the next tick tries again.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: PeriodicSweepOptions) {}

  /** `first`: a run at once, before the first interval, in place of the usual one. */
  start({ first }: { first?: () => unknown } = {}) {
    this.stop();
    if (first) {
      void this.runOnce(first);
    }
    this.timer = setInterval(() => void this.runOnce(), this.options.everyMs);
    this.timer.unref?.();
  }

  /** No further run starts; one going on goes to its end (see `idle`). */
  stop() {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Resolves once no run is going on. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Runs now, unless a run is going on: resolves when that one ends. Never rejects. */
  runOnce(work: () => unknown = this.options.run): Promise<void> {
    if (!this.running) {
      this.running = this.runLogged(work).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async runLogged(work: () => unknown) {
    const { lock, logger, failure, level = 'warn' } = this.options;
    try {
      if (lock) {
        await exclusively(lock.lockManager, lock.key, lock.ttlMs, async () => work());
      } else {
        await work();
      }
    } catch (error) {
      logger[level](failure, { error });
    }
  }
}
