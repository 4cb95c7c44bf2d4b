import type { Log } from '../support/Log';
import { DEFAULT_HOLD, HoldOptions } from './ArrivalHold';
import type { EngineActivity } from '../host/engine';
import { ConcurrentScheduler, RunScheduler } from './RunScheduler';
import { SerialScheduler } from './SerialScheduler';

/** More webhook requests than this in flight at once, and async runs wait for a pause in arrivals. */
const BUSY_REQUESTS = 4;

/**
 * SQLite allows one writer at a time; every other supported database runs webhooks concurrently.
 * `engine` is asked for only on SQLite, where the scheduler coordinates with the engine's own runs.
 * `activeRequests` is how many webhook requests are being answered right now.
 */
export function createScheduler(
  engine: () => EngineActivity,
  dialect: string,
  logger: Log,
  activeRequests: () => number,
): RunScheduler {
  const hold: HoldOptions = { ...DEFAULT_HOLD, busy: () => activeRequests() > BUSY_REQUESTS };
  if (dialect === 'sqlite') {
    return new SerialScheduler(engine(), logger, hold);
  }
  return new ConcurrentScheduler(logger, hold);
}
