import { randomUUID } from 'crypto';
import type { Context, Next } from '@nocobase/actions';
import type { Database } from '@nocobase/database';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import { TRIGGER_TYPE } from '../../common/constants';
import { DELIVERIES_COLLECTION } from '../constants';
import { contextOf, DELIVERY_STATE, DeliveryValues, EVENT_KEY_PREFIX } from '../inbox/DeliveryRecord';
import type { DeliveryStarter } from '../inbox/DeliveryStarter';
import type { Listeners } from '../history/Listeners';
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

async function findWebhookWorkflow(db: Database, id: unknown): Promise<WorkflowModel | null> {
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
    const replays: Array<{ id: number; replayOf: number; eventKey: string }> = [];
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
      const eventKey = `${EVENT_KEY_PREFIX}${randomUUID()}`;
      const created = await model.create({
        workflowId: row.workflowId,
        workflowKey: row.workflowKey,
        sync: false,
        method: row.method,
        headers: row.headers,
        query: row.query,
        body: row.body,
        extras: row.extras ?? null,
        // The replay lists the same stored files: they stay until both rows are gone.
        uploadsKey: row.uploadsKey ?? null,
        clientIp: row.clientIp,
        receivedAt: new Date(),
        deliveryId: row.deliveryId,
        idempotencyKey: null,
        eventKey,
        state: DELIVERY_STATE.STORED,
        instanceId,
        replayOf: row.id,
      });
      // Stored first: if this process stops now, the sweeper starts it.
      starter.start(workflow, contextOf(row), eventKey);
      replays.push({ id: created.get('id') as number, replayOf: row.id, eventKey });
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
