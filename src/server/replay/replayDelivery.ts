import { randomUUID } from 'crypto';
import type { Database } from '@nocobase/database';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import { DELIVERIES_COLLECTION } from '../constants';
import { contextOf, DELIVERY_STATE, DeliveryValues, EVENT_KEY_PREFIX } from '../inbox/DeliveryRecord';
import type { DeliveryStarter } from '../inbox/DeliveryStarter';

export interface ReplayDeps {
  db: Database;
  starter: DeliveryStarter;
  instanceId: string;
}

export type StoredDelivery = DeliveryValues & { id: number };

export interface ReplayedDelivery {
  id: number;
  replayOf: number;
  eventKey: string;
}

/**
 * Runs a stored delivery again as a new delivery of `workflow` (the version that received it):
 * a new inbox row marked `replayOf`, with a new event key, so neither idempotency nor the first
 * run's execution stops it. The row is stored before the run is handed over: if this process
 * stops in between, the inbox's sweeper starts it.
 */
export async function replayDelivery(
  { db, starter, instanceId }: ReplayDeps,
  row: StoredDelivery,
  workflow: WorkflowModel,
): Promise<ReplayedDelivery> {
  const eventKey = `${EVENT_KEY_PREFIX}${randomUUID()}`;
  const created = await db.getModel(DELIVERIES_COLLECTION).create({
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
  starter.start(workflow, contextOf(row), eventKey);
  return { id: created.get('id') as number, replayOf: row.id, eventKey };
}
