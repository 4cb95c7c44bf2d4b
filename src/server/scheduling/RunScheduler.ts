import type { Log } from '../support/Log';
import { ArrivalHold, DEFAULT_HOLD, HoldOptions } from './ArrivalHold';
import { startEach } from './startEach';

/** Deliveries handed to the engine in one event-loop turn when a hold releases many. */
const HAND_OVER_SLICE = 20;

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

/**
 * For databases that take concurrent runs (PostgreSQL, MySQL): synchronous runs start at once;
 * async ones wait while a burst is being answered (`ArrivalHold`), then all go to the engine,
 * whose own queue works them off.
 */
export class ConcurrentScheduler implements RunScheduler {
  private readonly hold: ArrivalHold;
  private readonly toHandOver: Array<() => unknown> = [];
  private handingOver: Promise<void> | null = null;

  constructor(
    private readonly logger: Log,
    holdOptions: HoldOptions = DEFAULT_HOLD,
  ) {
    this.hold = new ArrivalHold((starts) => this.handOverInSlices(starts), holdOptions);
  }

  get pending() {
    return this.hold.size + this.toHandOver.length;
  }

  runSync<T>(run: () => Promise<T>): Promise<T> {
    return run();
  }

  startAsync(start: () => unknown): void {
    this.hold.add(start);
  }

  async drain(): Promise<void> {
    this.hold.flush();
    while (this.handingOver) {
      await this.handingOver;
    }
  }

  /**
   * The engine logs and queues each event it is given: a thousand at once would hold the event
   * loop (and every sender waiting for an answer) for a quarter of a second. A slice per turn
   * keeps answers flowing; the engine works them off one by one in any case.
   */
  private handOverInSlices(starts: Array<() => unknown>) {
    this.toHandOver.push(...starts);
    if (this.handingOver) {
      return;
    }
    this.handingOver = (async () => {
      while (this.toHandOver.length) {
        await startEach(this.toHandOver.splice(0, HAND_OVER_SLICE), this.logger);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })().finally(() => {
      this.handingOver = null;
    });
  }
}
