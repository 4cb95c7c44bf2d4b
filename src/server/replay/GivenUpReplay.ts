import { Op } from '@nocobase/database';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import { DELIVERIES_COLLECTION } from '../constants';
import { findWebhookWorkflow } from '../actions/deliveries';
import { DELIVERY_STATE } from '../inbox/DeliveryRecord';
import { rawRows } from '../support/typedReads';
import { replayDelivery, ReplayDeps, StoredDelivery } from './replayDelivery';

/** Rows read, and replayed, per step; progress is reported after each. */
export const REPLAY_BATCH_SIZE = 50;

/** Which given-up deliveries: one workflow's (a version, as its history lists them), or every workflow's. */
export interface GivenUpScope {
  workflowId?: number | string | null;
}

export interface ReplayProgress {
  total: number;
  current: number;
}

export interface GivenUpReplayResult {
  total: number;
  /** New deliveries started. */
  replayed: number;
  /** Given-up rows that already had a replay (an earlier run of this job, or a replay by hand). */
  alreadyReplayed: number;
}

/**
 * Replays every given-up delivery of a scope, each as a fresh delivery (as `webhookDeliveries:replay`
 * does), in batches in id order. A given-up row that already has a replay is left alone, so a
 * job that stopped half-way can simply be started again.
 */
export class GivenUpReplay {
  constructor(private readonly deps: ReplayDeps) {}

  private where({ workflowId }: GivenUpScope, afterId = 0) {
    return {
      state: DELIVERY_STATE.GAVE_UP,
      kind: 'delivery',
      id: { [Op.gt]: afterId },
      ...(workflowId == null || workflowId === '' ? {} : { workflowId }),
    };
  }

  /** How many given-up deliveries the scope has now. */
  count(scope: GivenUpScope): Promise<number> {
    return this.deps.db.getModel(DELIVERIES_COLLECTION).count({ where: this.where(scope) });
  }

  async run(
    scope: GivenUpScope,
    { onProgress, isCanceled }: { onProgress?: (progress: ReplayProgress) => unknown; isCanceled?: () => boolean } = {},
  ): Promise<GivenUpReplayResult> {
    const total = await this.count(scope);
    const result: GivenUpReplayResult = { total, replayed: 0, alreadyReplayed: 0 };
    const workflows = new Map<string, WorkflowModel | null>();
    let current = 0;
    let afterId = 0;
    await onProgress?.({ total, current });
    while (!isCanceled?.()) {
      const rows = await rawRows<StoredDelivery>(this.deps.db, DELIVERIES_COLLECTION, {
        where: this.where(scope, afterId),
        order: [['id', 'ASC']],
        limit: REPLAY_BATCH_SIZE,
      });
      if (!rows.length) {
        break;
      }
      const replayed = await this.replayedAmong(rows.map((row) => row.id));
      for (const row of rows) {
        const workflow = await this.workflowOf(workflows, row.workflowId);
        // A version deleted since has nothing left to run the delivery.
        if (replayed.has(Number(row.id)) || !workflow) {
          result.alreadyReplayed += replayed.has(Number(row.id)) ? 1 : 0;
        } else {
          await replayDelivery(this.deps, row, workflow);
          result.replayed += 1;
        }
      }
      afterId = Number(rows[rows.length - 1].id);
      // Rows given up while the job runs are taken too: the total grows rather than the bar overflowing.
      current += rows.length;
      await onProgress?.({ total: Math.max(total, current), current });
    }
    return { ...result, total: Math.max(total, current) };
  }

  /** The ids among `ids` that some row already replays. */
  private async replayedAmong(ids: number[]): Promise<Set<number>> {
    const replays = await rawRows<{ replayOf: number | string }>(this.deps.db, DELIVERIES_COLLECTION, {
      where: { replayOf: { [Op.in]: ids } },
      attributes: ['replayOf'],
    });
    return new Set(replays.map((row) => Number(row.replayOf)));
  }

  private async workflowOf(cache: Map<string, WorkflowModel | null>, id: number | string) {
    const key = String(id);
    if (!cache.has(key)) {
      cache.set(key, await findWebhookWorkflow(this.deps.db, id));
    }
    return cache.get(key) ?? null;
  }
}
