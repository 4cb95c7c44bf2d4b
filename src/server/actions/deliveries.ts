import type { Context, Next } from '@nocobase/actions';
import type { Database } from '@nocobase/database';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import { TRIGGER_TYPE } from '../../common/constants';
import { DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE, DeliveryValues } from '../inbox/DeliveryRecord';
import type { DeliveryStarter } from '../inbox/DeliveryStarter';
import type { Listeners } from '../history/Listeners';
import { replayDelivery, ReplayedDelivery } from '../replay/replayDelivery';
import { findRecord } from '../support/typedReads';

/** The most deliveries one replay request starts. */
const MAX_REPLAY = 100;

export interface HistoryDeps {
  db: Database;
  starter: DeliveryStarter;
  listeners: Listeners;
  instanceId: string;
}

function idsOf(ctx: Context): Array<number | string> {
  const { filterByTk, values } = ctx.action.params as { filterByTk?: unknown; values?: { ids?: unknown } };
  const given = values?.ids ?? filterByTk;
  const list = Array.isArray(given) ? given : given == null || given === '' ? [] : String(given).split(',');
  return list.map((id) => String(id).trim()).filter(Boolean);
}

export async function findWebhookWorkflow(db: Database, id: unknown): Promise<WorkflowModel | null> {
  const workflow = await findRecord<WorkflowModel>(db, 'workflows', { filterByTk: id as number });
  return workflow && workflow.type === TRIGGER_TYPE ? workflow : null;
}

/**
 * `webhookDeliveries:replay`: runs stored deliveries again, each as a new delivery of the version
 * that received it (marked `replayOf`, with a new event key, so never stopped by idempotency or by
 * the first run's execution). Refused and repeated requests have nothing to run.
 */
export function replay({ db, starter, instanceId }: HistoryDeps) {
  return async (ctx: Context, next: Next) => {
    const ids = idsOf(ctx);
    if (!ids.length || ids.length > MAX_REPLAY) {
      ctx.throw(
        400,
        ids.length
          ? `At most ${MAX_REPLAY} deliveries can be replayed at once`
          : 'Name the deliveries to replay (filterByTk)',
      );
    }
    const model = db.getModel(DELIVERIES_COLLECTION);
    const rows = (await model.findAll({ where: { id: ids } })).map(
      (row) => row.toJSON() as DeliveryValues & { id: number },
    );
    const replays: ReplayedDelivery[] = [];
    for (const row of rows) {
      if (
        row.state === DELIVERY_STATE.REFUSED ||
        row.state === DELIVERY_STATE.DUPLICATE ||
        row.state === DELIVERY_STATE.DROPPED
      ) {
        continue;
      }
      const workflow = await findWebhookWorkflow(db, row.workflowId);
      if (!workflow) {
        continue;
      }
      replays.push(await replayDelivery({ db, starter, instanceId }, row, workflow));
    }
    if (!replays.length) {
      ctx.throw(400, 'None of these deliveries can be replayed (refused and repeated requests have nothing to run)');
    }
    ctx.body = replays;
    await next();
  };
}

/** `webhookDeliveries:listen`: waits (up to two minutes) for the next request to a workflow's URL. */
export function listen({ db, listeners }: HistoryDeps) {
  return async (ctx: Context, next: Next) => {
    const { workflowId } = (ctx.action.params.values ?? {}) as { workflowId?: unknown };
    const workflow = workflowId == null ? null : await findWebhookWorkflow(db, workflowId);
    if (!workflow) {
      ctx.throw(404, 'No webhook workflow with this id');
    }
    ctx.body = await listeners.listen(workflow as WorkflowModel);
    await next();
  };
}

/** `webhookDeliveries:listened`: what a listener caught so far: waiting, captured (with the request) or expired. */
export function listened({ listeners }: HistoryDeps) {
  return async (ctx: Context, next: Next) => {
    const result = await listeners.result(String(ctx.action.params.filterByTk ?? ''));
    if (!result) {
      ctx.throw(404, 'No such listener');
    }
    ctx.body = result;
    await next();
  };
}

/** `webhookDeliveries:stopListening`: the designer cancelled. */
export function stopListening({ listeners }: HistoryDeps) {
  return async (ctx: Context, next: Next) => {
    await listeners.cancel(String(ctx.action.params.filterByTk ?? ''));
    ctx.body = { stopped: true };
    await next();
  };
}

/** Only the plugin writes deliveries: a row written through the API could start a run. */
export function readOnly() {
  return async (ctx: Context) => {
    ctx.throw(405, 'Webhook deliveries are written by the webhook endpoint only');
  };
}
