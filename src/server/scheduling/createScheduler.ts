import type { Log } from '../Log';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import { engineActivityOf } from './engineActivity';
import { ConcurrentScheduler, RunScheduler } from './RunScheduler';
import { SerialScheduler } from './SerialScheduler';

/** SQLite allows one writer at a time; every other supported database runs webhooks concurrently. */
export function createScheduler(plugin: PluginWorkflowServer, dialect: string, logger: Log): RunScheduler {
  if (dialect === 'sqlite') {
    const engine = engineActivityOf(plugin);
    if (!engine) {
      // Without it, webhook runs could collide with the engine's own on SQLite: say so loudly.
      logger.error('[webhook] the workflow engine does not expose its activity as expected; runs are not coordinated with it');
    }
    return new SerialScheduler(engine, logger);
  }
  return new ConcurrentScheduler(logger);
}
