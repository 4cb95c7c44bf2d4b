import { Database, Op } from '@nocobase/database';
import { ALERTS_COLLECTION, DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE } from '../inbox/DeliveryRecord';
import { rawRows } from '../support/typedReads';
import { failuresMessage } from './alertMessages';
import type { AlertNotifier } from './AlertNotifier';
import { AlertingWorkflow, failureThreshold } from './alertingWorkflows';

const KIND = 'failures';

/** The deliveries that ended failed: without retries (`failed`) or after the last one (`gaveUp`). */
const FAILED_STATES = [DELIVERY_STATE.FAILED, DELIVERY_STATE.GAVE_UP];

/**
 * "More than `count` deliveries failed within `minutes`": counted over the last `minutes` at each
 * sweep, by when the deliveries ended (`updatedAt`), over all versions of the workflow. At most one
 * alert per workflow per window, windows being consecutive spans of `minutes` from the epoch: the
 * instance that inserts the window's row into `webhookAlerts` (unique per workflow, kind and
 * window start) sends it; the others, and any later sweep or restart, find the row there.
 */
export class FailureAlerts {
  constructor(
    private readonly db: Database,
    private readonly notifier: AlertNotifier,
  ) {}

  async sweep(workflows: AlertingWorkflow[], now = Date.now()): Promise<number> {
    let sent = 0;
    for (const workflow of workflows) {
      const threshold = failureThreshold(workflow.alerts);
      if (!threshold) {
        continue;
      }
      const windowMs = threshold.minutes * 60_000;
      const where = {
        workflowKey: workflow.key,
        kind: 'delivery',
        state: { [Op.in]: FAILED_STATES },
        updatedAt: { [Op.gte]: new Date(now - windowMs) },
      };
      const count = await this.db.getModel(DELIVERIES_COLLECTION).count({ where });
      if (count <= threshold.count) {
        continue;
      }
      const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
      if (!(await this.claim(workflow.id, windowStart, count))) {
        continue;
      }
      const [last] = await rawRows<{ error: string | null }>(this.db, DELIVERIES_COLLECTION, {
        where: { ...where, error: { [Op.ne]: null } },
        attributes: ['error'],
        order: [['updatedAt', 'DESC']],
        limit: 1,
      });
      await this.notifier.send(
        workflow.alerts,
        failuresMessage(workflow, { ...threshold, threshold: threshold.count, count, error: last?.error ?? null }),
      );
      sent += 1;
    }
    return sent;
  }

  /** True for the one caller whose row for the window was inserted. */
  private async claim(workflowId: number | string, windowStart: Date, count: number): Promise<boolean> {
    try {
      await this.db.getModel(ALERTS_COLLECTION).create({ workflowId, kind: KIND, windowStart, count });
      return true;
    } catch (error) {
      if ((error as Error).name === 'SequelizeUniqueConstraintError') {
        return false;
      }
      throw error;
    }
  }
}
