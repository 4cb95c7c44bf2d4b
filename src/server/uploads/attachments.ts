import type { Database } from '@nocobase/database';
import type { UploadedFile } from '../../common/types';
import { DELIVERIES_COLLECTION } from '../constants';
import { ATTACHMENTS } from './fileManager';

export type AttachmentId = number | string;

/** The attachment ids a delivery's files carry (`$context.files[].attachmentId`). */
export function attachmentIdsOf(files: UploadedFile[] | null | undefined): AttachmentId[] {
  return (files ?? []).map((file) => file.attachmentId).filter((id): id is AttachmentId => id != null);
}

/**
 * Deletes attachment records through their repository, so that the file manager's own hook removes
 * each file from its storage as well. False when the file manager is not there to reach them.
 */
export async function deleteAttachments(db: Database, ids: AttachmentId[]): Promise<boolean> {
  if (!ids.length) {
    return true;
  }
  if (!db.getCollection(ATTACHMENTS)) {
    return false;
  }
  await db.getRepository(ATTACHMENTS).destroy({ filterByTk: ids as number[] });
  return true;
}

/** Deletes the files stored for a request unless a row that lists them was written after all. */
export async function deleteUnlistedUploads(db: Database, uploadsKey: string, ids: AttachmentId[]): Promise<void> {
  if (await db.getModel(DELIVERIES_COLLECTION).count({ where: { uploadsKey } })) {
    return;
  }
  await deleteAttachments(db, ids);
}
