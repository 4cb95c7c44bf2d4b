import type { Database } from '@nocobase/database';
import { Op } from '@nocobase/database';
import { DELIVERIES_COLLECTION } from '../../constants';
import { ttlMs } from './persistDelivery';
import type { Split } from './splitEvents';

/**
 * Whether storing the delivery would start no run: a repeat of a delivery id within its time to
 * live, or a split delivery whose events were all delivered before (or that has none). The same
 * answer `persistDelivery` reaches by writing, found by one indexed read, so that the files of a
 * repeated delivery are not stored again. A repeat racing its first copy past this read is caught
 * when it is written (see `withUploadCleanup`).
 */
export async function startsNothingNew(db: Database, delivery: Split): Promise<boolean> {
  const model = db.getModel(DELIVERIES_COLLECTION);
  if (delivery.events) {
    const keys = delivery.events.map((event) => event.idempotencyKey);
    if (keys.some((key) => !key)) {
      return false;
    }
    const distinct = [...new Set(keys)];
    const known = distinct.length ? await model.count({ where: { idempotencyKey: { [Op.in]: distinct } } }) : 0;
    return known >= distinct.length;
  }
  if (!delivery.idempotencyKey) {
    return false;
  }
  const earlier = await model.findOne({
    where: { idempotencyKey: delivery.idempotencyKey },
    attributes: ['receivedAt'],
  });
  return Boolean(earlier) && Date.now() - new Date(earlier?.get('receivedAt') as Date).getTime() < ttlMs(delivery);
}
