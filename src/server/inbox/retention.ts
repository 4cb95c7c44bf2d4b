import { Database, Op } from '@nocobase/database';
import { DEFAULT_RETENTION, RetentionSettings } from '../../common/retentionLimits';
import type { Log } from '../support/Log';
import { DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE, DeliveryState } from './DeliveryRecord';
import { destroyDeliveries } from './destroyDeliveries';
import { rawRows } from '../support/typedReads';

export { DEFAULT_RETENTION };
export type { RetentionSettings };

function positiveInteger(value: string | undefined, fallback: number) {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

/** The fallback of the limits stored on the settings page: the environment variables, then the defaults. */
export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  const days = Number(env.WEBHOOK_INBOX_RETENTION_DAYS);
  return {
    maxAgeDays: Number.isFinite(days) && days > 0 ? days : DEFAULT_RETENTION.maxAgeDays,
    maxRowsPerWorkflow: positiveInteger(env.WEBHOOK_INBOX_MAX_ROWS, DEFAULT_RETENTION.maxRowsPerWorkflow),
    maxRefusedPerWorkflow: positiveInteger(env.WEBHOOK_INBOX_MAX_REFUSED, DEFAULT_RETENTION.maxRefusedPerWorkflow),
  };
}

/**
 * Deletes rows in `states` older than the age limit, and per workflow the oldest beyond `maxRows`,
 * with the files they stored.
 */
async function pruneStates(
  db: Database,
  states: DeliveryState[],
  maxAgeDays: number,
  maxRows: number,
  logger: Log,
): Promise<number> {
  const cutoff = new Date(Date.now() - maxAgeDays * 86_400_000);
  const inStates = { state: { [Op.in]: states } };
  let removed = await destroyDeliveries(db, { ...inStates, receivedAt: { [Op.lt]: cutoff } }, logger);

  const counts = await rawRows<{ workflowId: number; total: number | string }>(db, DELIVERIES_COLLECTION, {
    where: inStates,
    attributes: ['workflowId', [db.sequelize.fn('COUNT', db.sequelize.col('id')), 'total']],
    group: ['workflowId'],
  });
  for (const { workflowId, total } of counts) {
    if (Number(total) <= maxRows) {
      continue;
    }
    // The newest row that is kept; every such row of the workflow before it goes.
    const [oldestKept] = await rawRows<{ id: number }>(db, DELIVERIES_COLLECTION, {
      where: { ...inStates, workflowId },
      attributes: ['id'],
      order: [['id', 'DESC']],
      offset: maxRows - 1,
      limit: 1,
    });
    removed += await destroyDeliveries(db, { ...inStates, workflowId, id: { [Op.lt]: oldestKept.id } }, logger);
  }
  return removed;
}

/**
 * Deletes finished deliveries older than the age limit, and per workflow the oldest finished ones
 * beyond the row limit, with the attachments of the files they stored; refused and repeated
 * requests likewise under their own, smaller cap.
 * Deliveries that failed or gave up, and those that have not run yet or wait for a retry, are kept
 * until handled: they are never among the states pruned here.
 */
export async function pruneFinished(db: Database, settings: RetentionSettings, logger: Log): Promise<number> {
  const finished = await pruneStates(
    db,
    [DELIVERY_STATE.FINISHED],
    settings.maxAgeDays,
    settings.maxRowsPerWorkflow,
    logger,
  );
  const refused = await pruneStates(
    db,
    [DELIVERY_STATE.REFUSED, DELIVERY_STATE.DUPLICATE, DELIVERY_STATE.DROPPED],
    settings.maxAgeDays,
    settings.maxRefusedPerWorkflow,
    logger,
  );
  if (finished + refused) {
    logger.info(`[webhook] inbox: pruned ${finished} finished deliveries and ${refused} refused or repeated requests`);
  }
  return finished + refused;
}
