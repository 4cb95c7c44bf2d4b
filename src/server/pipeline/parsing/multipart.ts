import busboy from 'busboy';
import type { UploadedFile } from '../../../common/types';
import { WebhookRejection } from '../Delivery';

/** At most this many files per delivery; more → 413. */
export const MAX_FILES = 20;
const MAX_FIELDS = 1000;

export interface ReceivedFile {
  field: string;
  filename: string;
  mimeType: string;
  content: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string | string[]>;
  files: ReceivedFile[];
}

/** What `$context.files` lists of each file when none is stored: name, type and size. */
export function metadataOf(files: ReceivedFile[]): UploadedFile[] {
  return files.map(({ field, filename, mimeType, content }) => ({ field, filename, mimeType, size: content.length }));
}

function addField(fields: Record<string, string | string[]>, name: string, value: string) {
  const present = fields[name];
  fields[name] = present === undefined ? value : [...(Array.isArray(present) ? present : [present]), value];
}

/**
 * Parses a `multipart/form-data` body that has already been read whole (its size is bounded by the
 * body limit, and the bytes were needed for the signature check anyway): fields become the body,
 * files are kept in memory for the upload stage.
 */
export function parseMultipart(raw: Buffer, contentType: string): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    const refuse = (status: number, message: string) => reject(new WebhookRejection(status, message));
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { files: MAX_FILES, fields: MAX_FIELDS, fieldSize: raw.length, fileSize: raw.length },
      });
    } catch (error) {
      // busboy's messages are fixed texts but for one, which repeats the Content-Type: the
      // sender's text is cut from it, since the refusal is written to the request log.
      refuse(
        400,
        `Malformed multipart body: ${(error as Error).message.replace(/^(Unsupported content type):[\s\S]*$/, '$1')}`,
      );
      return;
    }
    const body: MultipartBody = { fields: Object.create(null), files: [] };
    parser.on('field', (name, value) => addField(body.fields, name, value));
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        body.files.push({
          field,
          filename: info.filename ?? 'file',
          mimeType: info.mimeType || 'application/octet-stream',
          content: Buffer.concat(chunks),
        });
      });
    });
    parser.on('filesLimit', () => refuse(413, `A delivery may carry at most ${MAX_FILES} files`));
    parser.on('fieldsLimit', () => refuse(413, `A delivery may carry at most ${MAX_FIELDS} fields`));
    parser.on('error', (error: Error) => refuse(400, `Malformed multipart body: ${error.message}`));
    parser.on('close', () => resolve({ ...body, fields: { ...body.fields } }));
    parser.end(raw);
  });
}
