import type { Database } from '@nocobase/database';
import { attachmentIdsOf, deleteUnlistedUploads } from '../../uploads/attachments';
import { Answered, Stage, Stored } from '../Delivery';
import type { Split } from './splitEvents';

/**
 * Files are stored before their delivery is written, so that no row can ever run without them.
 * When no row came to list them after all (the write failed and the sender gets 503, or a copy of
 * the same delivery id got past `startsNothingNew` at the same moment and was written first), they
 * are deleted again; the answer does not wait for that.
 */
export function withUploadCleanup(persist: Stage<Split, Stored>, db: Database): Stage<Split, Stored> {
  return async (delivery) => {
    const { uploadsKey } = delivery;
    if (!uploadsKey) {
      return persist(delivery);
    }
    const deleteIfUnlisted = () => {
      void deleteUnlistedUploads(db, uploadsKey, attachmentIdsOf(delivery.context.files)).catch((error: unknown) => {
        const what = `[webhook] workflow ${delivery.workflow.id}: files of a delivery that was not stored could not be deleted`;
        delivery.logger.warn(what, { error });
      });
    };
    try {
      const outcome = await persist(delivery);
      if (outcome instanceof Answered || !outcome.runs.length) {
        deleteIfUnlisted();
      }
      return outcome;
    } catch (error) {
      deleteIfUnlisted();
      throw error;
    }
  };
}
