import type { Log } from '../Log';

/**
 * Decides when webhook runs may touch the database. `runSync` resolves with the run's result;
 * `startAsync` hands a delivery over and returns at once.
 */
export interface RunScheduler {
  runSync<T>(run: () => Promise<T>): Promise<T>;
  startAsync(start: () => unknown): void;
  /** Resolves once every handed-over delivery has reached the workflow engine. */
  drain(): Promise<void>;
  readonly pending: number;
}

/** For databases that take concurrent runs (PostgreSQL, MySQL): no queueing at all. */
export class ConcurrentScheduler implements RunScheduler {
  readonly pending = 0;

  constructor(private readonly logger: Log) {}

  runSync<T>(run: () => Promise<T>): Promise<T> {
    return run();
  }

  startAsync(start: () => unknown): void {
    void Promise.resolve()
      .then(start)
      .catch((error: unknown) => this.logger.error('[webhook] handing a delivery to the engine failed', { error }));
  }

  async drain(): Promise<void> {
    return;
  }
}
