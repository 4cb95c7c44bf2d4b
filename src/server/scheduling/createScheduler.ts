import type { Log } from '../Log';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import { engineActivityOf } from './engineActivity';
import { ConcurrentScheduler, RunScheduler } from './RunScheduler';
import { SerialScheduler } from './SerialScheduler';

/** SQLite allows one writer at a time; every other supported database runs webhooks concurrently. */
export function createScheduler(plugin: PluginWorkflowServer, dialect: string, logger: Log): RunScheduler {
  if (dialect === 'sqlite') {
    return new SerialScheduler(engineActivityOf(plugin), logger);
  }
  return new ConcurrentScheduler();
}
