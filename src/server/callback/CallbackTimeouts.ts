import type { Database } from '@nocobase/database';
import { Op } from '@nocobase/database';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import { JOB_STATUS } from '@nocobase/plugin-workflow';
import { CALLBACK_NODE_TYPE } from '../../common/constants';
import type { CallbackNodeConfig, CallbackResult } from '../../common/types';
import type { LockManager } from '@nocobase/lock-manager';
import type { Log } from '../support/Log';
import { PeriodicSweep } from '../support/PeriodicSweep';

const SWEEP_MS = Number(process.env.WEBHOOK_CALLBACK_SWEEP_MS) || 2_000;
const LOCK = 'webhook:callback-timeouts';

/**
 * Ends the waits whose callback did not come in time: the job is settled (resolved with
 * `timedOut: true`, or failed, as the node says) by the same conditional update a callback uses,
 * and the run resumed. Read from the database every two seconds on one instance at a time (NocoBase's
 * lock manager), so it works after restarts and with several instances.
 */
export class CallbackTimeouts {
  /** Started and stopped with the app; another instance sweeping right now ends the same waits. */
  readonly sweep: PeriodicSweep;

  constructor(
    private readonly db: Database,
    private readonly workflowPlugin: PluginWorkflowServer,
    lockManager: LockManager,
    logger: Log,
  ) {
    this.sweep = new PeriodicSweep({
      everyMs: SWEEP_MS,
      run: () => this.endExpiredWaits(),
      logger,
      failure: '[webhook] ending timed-out callback waits failed',
      lock: { lockManager, key: LOCK, ttlMs: 60_000 },
    });
  }

  /** Ends every wait past its node's timeout; how many it ended. */
  async endExpiredWaits(): Promise<number> {
    let count = 0;
    const nodes = await this.db.getRepository('flow_nodes').find({ filter: { type: CALLBACK_NODE_TYPE } });
    for (const node of nodes) {
      const config = (node.get('config') ?? {}) as CallbackNodeConfig;
      const timeout = Number(config.timeout);
      if (timeout > 0) {
        count += await this.endWaits(node.get('id') as number, timeout, config.onTimeout === 'continue');
      }
    }
    return count;
  }

  private async endWaits(nodeId: number, timeoutSeconds: number, goOn: boolean): Promise<number> {
    const jobs = this.db.getModel('jobs');
    const expired = await jobs.findAll({
      where: {
        nodeId,
        status: JOB_STATUS.PENDING,
        createdAt: { [Op.lt]: new Date(Date.now() - timeoutSeconds * 1000) },
      },
    });
    let ended = 0;
    for (const job of expired) {
      const previous = (job.get('result') ?? {}) as CallbackResult;
      const result: CallbackResult = { callbackUrl: previous.callbackUrl ?? '', timedOut: true };
      const [settled] = await jobs.update(
        { status: goOn ? JOB_STATUS.RESOLVED : JOB_STATUS.FAILED, result },
        { where: { id: job.get('id'), status: JOB_STATUS.PENDING } },
      );
      if (settled) {
        await this.workflowPlugin.resume((await jobs.findByPk(job.get('id') as number)) as never);
        ended += 1;
      }
    }
    return ended;
  }
}
