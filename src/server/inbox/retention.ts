import { Database, Op } from '@nocobase/database';
import type { Log } from '../Log';
import { DELIVERIES_COLLECTION } from './deliveryCollection';
import { DELIVERY_STATE } from './DeliveryRecord';

/** How long finished deliveries are kept: whichever limit is reached first. */
export interface RetentionSettings {
  maxAgeDays: number;
  maxRowsPerWorkflow: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { maxAgeDays: 7, maxRowsPerWorkflow: 10_000 };

export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  const days = Number(env.WEBHOOK_INBOX_RETENTION_DAYS);
  const rows = Number(env.WEBHOOK_INBOX_MAX_ROWS);
  return {
    maxAgeDays: Number.isFinite(days) && days > 0 ? days : DEFAULT_RETENTION.maxAgeDays,
    maxRowsPerWorkflow: Number.isInteger(rows) && rows > 0 ? rows : DEFAULT_RETENTION.maxRowsPerWorkflow,
  };
}

/**
 * Deletes finished deliveries older than the age limit, and per workflow the oldest finished ones
 * beyond the row limit. Deliveries that failed or have not run yet are kept until handled.
 */
export async function pruneFinished(db: Database, settings: RetentionSettings, logger: Log): Promise<number> {
  const model = db.getModel(DELIVERIES_COLLECTION);
  const cutoff = new Date(Date.now() - settings.maxAgeDays * 86_400_000);
  let removed = await model.destroy({ where: { state: DELIVERY_STATE.FINISHED, receivedAt: { [Op.lt]: cutoff } } });

  const counts = (await model.findAll({
    where: { state: DELIVERY_STATE.FINISHED },
    attributes: ['workflowId', [db.sequelize.fn('COUNT', db.sequelize.col('id')), 'total']],
    group: ['workflowId'],
    raw: true,
  })) as unknown as Array<{ workflowId: number; total: number | string }>;
  for (const { workflowId, total } of counts) {
    if (Number(total) <= settings.maxRowsPerWorkflow) {
      continue;
    }
    // The newest row that is kept; every finished row of the workflow before it goes.
    const [oldestKept] = (await model.findAll({
      where: { state: DELIVERY_STATE.FINISHED, workflowId },
      attributes: ['id'],
      order: [['id', 'DESC']],
      offset: settings.maxRowsPerWorkflow - 1,
      limit: 1,
      raw: true,
    })) as unknown as Array<{ id: number }>;
    removed += await model.destroy({
      where: { state: DELIVERY_STATE.FINISHED, workflowId, id: { [Op.lt]: oldestKept.id } },
    });
  }
  if (removed) {
    logger.info(`[webhook] inbox: pruned ${removed} finished deliveries`);
  }
  return removed;
}
