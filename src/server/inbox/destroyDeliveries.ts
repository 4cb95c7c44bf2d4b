import { Database, Op } from '@nocobase/database';
import type { Log } from '../support/Log';
import { attachmentIdsOf, deleteAttachments } from '../uploads/attachments';
import { DELIVERIES_COLLECTION } from '../constants';
import type { DeliveryValues } from './DeliveryRecord';
import { rawRows } from '../support/typedReads';

type Where = Record<string, unknown>;
type RowWithUploads = Pick<DeliveryValues, 'extras'> & { id: number; uploadsKey: string };

/** Rows with stored files deleted per round: their contexts are read to find the attachment ids. */
const PAGE = 200;

/**
 * Deletes the stored files only these rows list: rows sharing them (a delivery's events, its
 * replays) keep them until the last of them goes.
 */
async function deleteUploadsOf(db: Database, rows: RowWithUploads[], logger: Log) {
  const keys = [...new Set(rows.map((row) => row.uploadsKey))];
  const stillListed = await rawRows<{ uploadsKey: string }>(db, DELIVERIES_COLLECTION, {
    where: { uploadsKey: { [Op.in]: keys }, id: { [Op.notIn]: rows.map((row) => row.id) } },
    attributes: ['uploadsKey'],
    group: ['uploadsKey'],
  });
  const kept = new Set(stillListed.map((row) => row.uploadsKey));
  const ids = rows.filter((row) => !kept.has(row.uploadsKey)).flatMap((row) => attachmentIdsOf(row.extras?.files));
  if (!(await deleteAttachments(db, [...new Set(ids)]))) {
    logger.warn(`[webhook] inbox: the file manager is not enabled, ${ids.length} files of pruned deliveries were left`);
  }
}

/**
 * Deletes the deliveries `where` matches, with the attachments of their stored files (records and
 * files, through the file manager). Rows that list files go a page at a time, their attachments
 * first: when deleting those fails, the rows stay and the next prune tries again, so no attachment
 * outlives the last row that knows its id.
 */
export async function destroyDeliveries(db: Database, where: Where, logger: Log): Promise<number> {
  const model = db.getModel(DELIVERIES_COLLECTION);
  let removed = 0;
  for (;;) {
    const page = (
      await model.findAll({
        where: { ...where, uploadsKey: { [Op.ne]: null } },
        attributes: ['id', 'uploadsKey', 'extras'],
        order: [['id', 'ASC']],
        limit: PAGE,
      })
    ).map((row) => row.toJSON() as RowWithUploads);
    if (!page.length) {
      break;
    }
    await deleteUploadsOf(db, page, logger);
    removed += await model.destroy({ where: { id: { [Op.in]: page.map((row) => row.id) } } });
  }
  // Rows that came to match while the pages went keep their files for the next prune.
  return removed + (await model.destroy({ where: { ...where, uploadsKey: null } }));
}
