import { randomUUID } from 'crypto';
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import type { Database } from '@nocobase/database';
import type { UploadedFile } from '../../../common/types';
import { attachmentIdsOf, deleteAttachments } from '../../uploads/attachments';
import { ATTACHMENTS, FileManager } from '../../uploads/fileManager';
import { Stage, WebhookRejection } from '../Delivery';
import type { ReceivedFile } from '../parsing/multipart';
import type { Split } from './splitEvents';
import { startsNothingNew } from './startsNothingNew';

export interface UploadDeps {
  db: Database;
  /** The file manager plugin, or null when it is not enabled. */
  fileManager: () => FileManager | null;
}

/** A name safe to write to disk that keeps what the sender called the file (the stored title). */
function safeName(filename: string): string {
  const base = path
    .basename(filename)
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .slice(0, 120);
  return base && base !== '.' && base !== '..' ? base : 'file';
}

/** Each file as an attachment of the default storage; none is left behind when one fails. */
async function createAttachments(
  db: Database,
  fileManager: FileManager,
  uploads: ReceivedFile[],
): Promise<UploadedFile[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'webhook-upload-'));
  const files: UploadedFile[] = [];
  try {
    for (const [index, upload] of uploads.entries()) {
      const filePath = path.join(dir, String(index), safeName(upload.filename));
      await fs.mkdir(path.dirname(filePath));
      await fs.writeFile(filePath, upload.content);
      const record = await fileManager.createFileRecord({
        collectionName: ATTACHMENTS,
        filePath,
        values: { title: upload.filename, mimetype: upload.mimeType },
      });
      files.push({
        field: upload.field,
        filename: upload.filename,
        mimeType: upload.mimeType,
        size: upload.content.length,
        attachmentId: record.get('id') as number,
        url: record.get('url') as string,
      });
    }
    return files;
  } catch (error) {
    await deleteAttachments(db, attachmentIdsOf(files)).catch(() => undefined);
    throw error;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Stores the files of a delivery whose workflow keeps uploads (`uploads.store`, checked by
 * `checkUploads`), once duplicate detection says it starts a run: a repeated delivery id stores
 * nothing again. Each file becomes an attachment in the file manager's default storage, listed in
 * `$context.files` with its id and URL, and every row written for the delivery carries the same
 * `uploadsKey`. Otherwise only name, type and size are kept. A file that cannot be stored refuses
 * the delivery with 503 before it is acknowledged, so the sender retries rather than lose it.
 */
export function storeUploads({ db, fileManager }: UploadDeps): Stage<Split, Split> {
  return async (delivery) => {
    const { uploads } = delivery;
    const manager = uploads?.length && delivery.config.uploads?.store ? fileManager() : null;
    if (!uploads?.length || !manager) {
      return { ...delivery, uploads: undefined };
    }
    try {
      if (await startsNothingNew(db, delivery)) {
        return { ...delivery, uploads: undefined };
      }
      const files = await createAttachments(db, manager, uploads);
      return {
        ...delivery,
        uploads: undefined,
        uploadsKey: randomUUID(),
        context: { ...delivery.context, files },
        events: delivery.events?.map((event) => ({ ...event, context: { ...event.context, files } })),
      };
    } catch (error) {
      delivery.logger.error(`[webhook] workflow ${delivery.workflow.id}: uploaded files could not be stored`, {
        error,
      });
      throw new WebhookRejection(503, 'The uploaded files could not be stored, try again later', {
        'Retry-After': '5',
      });
    }
  };
}
