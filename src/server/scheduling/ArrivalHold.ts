export interface HoldOptions {
  /** Held starts are released once no async delivery has arrived for this long… */
  pauseMs: number;
  /** …or once the oldest has been held this long, so that a steady stream still gets them run. */
  maxHoldMs: number;
  /**
   * Whether the endpoint is busy answering: when it is not (a steady stream it keeps up with),
   * held starts go at the next check, so that runs keep pace with arrivals. Always busy if unset.
   */
  busy?: () => boolean;
}

export const DEFAULT_HOLD: HoldOptions = { pauseMs: 25, maxHoldMs: 1_000 };

type Start = () => unknown;

/**
 * Keeps the runs of stored async deliveries back while more keep arriving and the endpoint is busy,
 * and releases them together once arrivals pause, the endpoint is no longer busy, or the oldest has
 * waited `maxHoldMs`. Their senders are already answered, so a burst is acknowledged first,
 * without runs taking the CPU and the database from it, and is then worked off in one go. A held delivery is already in the inbox: if the process
 * dies meanwhile, recovery starts it.
 */
export class ArrivalHold {
  private held: Start[] = [];
  private heldSince = 0;
  private lastArrivalAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly release: (starts: Start[]) => void,
    private readonly options: HoldOptions = DEFAULT_HOLD,
  ) {}

  get size() {
    return this.held.length;
  }

  add(start: Start) {
    const now = Date.now();
    if (!this.held.length) {
      this.heldSince = now;
    }
    this.lastArrivalAt = now;
    this.held.push(start);
    if (!this.timer) {
      this.wakeIn(this.options.pauseMs);
    }
  }

  /** Releases everything held now (the app is stopping, or a caller waits for the queue to empty). */
  flush() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const starts = this.held;
    this.held = [];
    if (starts.length) {
      this.release(starts);
    }
  }

  private wakeIn(ms: number) {
    // One timer for the whole hold, moved on as deliveries arrive, rather than one per delivery.
    this.timer = setTimeout(() => this.check(), Math.max(1, ms));
    this.timer.unref?.();
  }

  private check() {
    this.timer = null;
    const now = Date.now();
    const quietFor = now - this.lastArrivalAt;
    const heldFor = now - this.heldSince;
    const busy = this.options.busy?.() ?? true;
    if (!busy || quietFor >= this.options.pauseMs || heldFor >= this.options.maxHoldMs) {
      this.flush();
      return;
    }
    this.wakeIn(Math.min(this.options.pauseMs - quietFor, this.options.maxHoldMs - heldFor));
  }
}
