import type { Application } from '@nocobase/server';
import { PeriodicSweep } from '../support/PeriodicSweep';
import { alertingWorkflows } from './alertingWorkflows';
import { AlertNotifier } from './AlertNotifier';
import { FailureAlerts } from './FailureAlerts';
import { GiveUpAlerts } from './GiveUpAlerts';

/** Time between two alert sweeps; shorter in tests. */
function sweepEveryMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.WEBHOOK_ALERTS_SWEEP_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 30_000;
}

/**
 * One pass of the alerts (`config.alerts` of each webhook workflow): a delivery that gave up, and
 * more failures than a workflow's threshold within its window. Safe to run on several instances
 * at once: every alert is claimed in the database before it is sent.
 */
export function alertCheck(app: Application): () => Promise<void> {
  const notifier = new AlertNotifier(app, app.logger);
  const giveUps = new GiveUpAlerts(app.db, notifier);
  const failures = new FailureAlerts(app.db, notifier);
  return async () => {
    const workflows = await alertingWorkflows(app.db);
    // Nothing is claimed while there is no way to send: the alerts go out once the manager is enabled.
    if (!workflows.length || !notifier.manager()) {
      return;
    }
    await giveUps.sweep(workflows);
    await failures.sweep(workflows);
  };
}

/** The alerts as a periodic sweep, run by one instance at a time under NocoBase's lock manager. */
export function defineAlerts(app: Application) {
  const everyMs = sweepEveryMs();
  const sweep = new PeriodicSweep({
    everyMs,
    run: alertCheck(app),
    logger: app.logger,
    failure: '[webhook] sending alerts failed',
    lock: { lockManager: app.lockManager, key: 'webhook:alerts', ttlMs: Math.max(everyMs * 2, 60_000) },
  });
  return { sweep };
}
