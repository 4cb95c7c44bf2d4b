import { Database, Op } from '@nocobase/database';
import type { AttemptRecord } from '../../common/deliveries';
import { DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE } from '../inbox/DeliveryRecord';
import { rawRows } from '../support/typedReads';
import { gaveUpMessage } from './alertMessages';
import type { AlertNotifier } from './AlertNotifier';
import { AlertingWorkflow, alertsOnGiveUp } from './alertingWorkflows';

/** Deliveries alerted about per sweep; the rest wait for the next one. */
const BATCH = 100;
/**
 * Only deliveries that gave up this recently are alerted about: alerts switched on later (or an
 * app that was down for days) do not bring a flood about old ones.
 */
const RECENT_MS = 24 * 60 * 60 * 1000;

interface GivenUpRow {
  id: number | string;
  workflowKey: string;
  error: string | null;
  attempt: number | null;
  attemptLog: AttemptRecord[] | null;
}

/**
 * One alert per delivery that gave up, whichever instance sees it first: each is claimed by
 * setting its `alertedAt` only where it is still empty, and only the instance whose update
 * changed the row sends. A claim whose sending then fails is not tried again (an alert is sent
 * at most once; the failure is in the log and the delivery in the history).
 */
export class GiveUpAlerts {
  constructor(
    private readonly db: Database,
    private readonly notifier: AlertNotifier,
  ) {}

  async sweep(workflows: AlertingWorkflow[]): Promise<number> {
    const byKey = new Map(workflows.filter((workflow) => alertsOnGiveUp(workflow.alerts)).map((w) => [w.key, w]));
    if (!byKey.size) {
      return 0;
    }
    const rows = await rawRows<GivenUpRow>(this.db, DELIVERIES_COLLECTION, {
      where: {
        state: DELIVERY_STATE.GAVE_UP,
        kind: 'delivery',
        alertedAt: null,
        workflowKey: { [Op.in]: [...byKey.keys()] },
        updatedAt: { [Op.gte]: new Date(Date.now() - RECENT_MS) },
      },
      attributes: ['id', 'workflowKey', 'error', 'attempt', 'attemptLog'],
      order: [['id', 'ASC']],
      limit: BATCH,
    });
    let sent = 0;
    for (const row of rows) {
      const workflow = byKey.get(row.workflowKey);
      if (workflow && (await this.claim(row.id))) {
        const lastAttempt = row.attemptLog?.[row.attemptLog.length - 1];
        await this.notifier.send(
          workflow.alerts,
          gaveUpMessage(workflow, {
            id: row.id,
            attempts: row.attemptLog?.length || row.attempt || 1,
            error: row.error ?? lastAttempt?.error ?? null,
          }),
        );
        sent += 1;
      }
    }
    return sent;
  }

  /** True for the one caller whose update set `alertedAt`. `silent`: the row's `updatedAt` stays when it gave up. */
  private async claim(id: number | string): Promise<boolean> {
    const [changed] = await this.db
      .getModel(DELIVERIES_COLLECTION)
      .update({ alertedAt: new Date() }, { where: { id, alertedAt: null }, silent: true, hooks: false });
    return changed === 1;
  }
}
