import type { Log } from '../Log';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import { DEFAULT_HOLD, HoldOptions } from './ArrivalHold';
import { engineActivityOf } from './engineActivity';
import { ConcurrentScheduler, RunScheduler } from './RunScheduler';
import { SerialScheduler } from './SerialScheduler';

/** More webhook requests than this in flight at once, and async runs wait for a pause in arrivals. */
const BUSY_REQUESTS = 4;

/**
 * SQLite allows one writer at a time; every other supported database runs webhooks concurrently.
 * `activeRequests` is how many webhook requests are being answered right now.
 */
export function createScheduler(
  plugin: PluginWorkflowServer,
  dialect: string,
  logger: Log,
  activeRequests: () => number,
): RunScheduler {
  const hold: HoldOptions = { ...DEFAULT_HOLD, busy: () => activeRequests() > BUSY_REQUESTS };
  if (dialect === 'sqlite') {
    const engine = engineActivityOf(plugin);
    if (!engine) {
      // Without it, webhook runs could collide with the engine's own on SQLite: say so loudly.
      logger.error('[webhook] the workflow engine does not expose its activity as expected; runs are not coordinated with it');
    }
    return new SerialScheduler(engine, logger, hold);
  }
  return new ConcurrentScheduler(logger, hold);
}
