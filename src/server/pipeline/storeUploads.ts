import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import type { UploadedFile } from '../../common/types';
import { Parsed, Stage, WebhookRejection } from './Delivery';

/** The part of NocoBase's file manager plugin this stage uses. */
export interface FileStore {
  createFileRecord(options: {
    collectionName: string;
    filePath: string;
    values?: Record<string, unknown>;
  }): Promise<{ get(name: string): unknown }>;
}

const ATTACHMENTS = 'attachments';

/** A name safe to write to disk that keeps what the sender called the file (the stored title). */
function safeName(filename: string): string {
  const base = path.basename(filename).replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 120);
  return base && base !== '.' && base !== '..' ? base : 'file';
}

/**
 * Files of a multipart delivery become attachment records through NocoBase's file manager (its
 * default storage), listed in `$context.files` with their record id and URL. Without the file
 * manager they stay name, type and size only. A file that cannot be stored refuses the delivery
 * with 503 before it is acknowledged, so the sender retries rather than lose it.
 */
export function storeUploads(fileStore: () => FileStore | null): Stage<Parsed, Parsed> {
  return async (delivery) => {
    const { uploads } = delivery;
    const store = uploads?.length ? fileStore() : null;
    if (!uploads?.length || !store) {
      return { ...delivery, uploads: undefined };
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'webhook-upload-'));
    try {
      const files: UploadedFile[] = [];
      for (const [index, upload] of uploads.entries()) {
        const filePath = path.join(dir, String(index), safeName(upload.filename));
        await fs.mkdir(path.dirname(filePath));
        await fs.writeFile(filePath, upload.content);
        const record = await store.createFileRecord({
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
      return { ...delivery, uploads: undefined, context: { ...delivery.context, files } };
    } catch (error) {
      delivery.logger.error(`[webhook] workflow ${delivery.workflow.id}: uploaded files could not be stored`, { error });
      throw new WebhookRejection(503, 'The uploaded files could not be stored, try again later', { 'Retry-After': '5' });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  };
}
