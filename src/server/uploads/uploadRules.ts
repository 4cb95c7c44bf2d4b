import bytes from 'bytes';
import type { UploadsConfig } from '../../common/types';
import { WebhookRejection } from '../pipeline/Delivery';
import type { ReceivedFile } from '../pipeline/parsing/multipart';
import { byteCount } from '../pipeline/stages/readBody';
import type { StorageRules } from './fileManager';
import type { TypeReader } from './fileTypes';

/** The file manager's bounds on a storage's size rule (its FILE_SIZE_LIMIT_MIN and _DEFAULT). */
const STORAGE_SIZE_MIN = 1;
const STORAGE_SIZE_DEFAULT = 20 * 1024 * 1024;

/**
 * Types a browser may run. As in the file manager's upload, a file whose name claims one of them
 * is refused unless the rule takes that type itself: PNG bytes named `page.html` must not be kept
 * as an image the rule allowed and then served as a page.
 */
const ACTIVE_CONTENT_TYPES = new Set([
  'application/pdf',
  'application/xhtml+xml',
  'application/xml',
  'application/xslt+xml',
  'image/svg+xml',
  'text/html',
  'text/xml',
]);

export interface UploadRules {
  /** The stricter of the storage's and the workflow's size limits. */
  maxBytes: number;
  /** Lists of patterns a file's type must match, one from each list (the storage's, the workflow's). */
  typeRules: string[][];
}

function patternsOf(list: string[]): string[] {
  return list.map((pattern) => pattern.trim()).filter(Boolean);
}

/**
 * What a stored file must satisfy: the storage's rules as the file manager applies them to its own
 * uploads (a size limit always, a type rule when one is set) and the workflow's own, stricter ones.
 */
export function uploadRulesOf(storage: { rules?: StorageRules | null } | null, config: UploadsConfig): UploadRules {
  const typeRules: string[][] = [];
  let maxBytes = byteCount(config.maxFileSize) ?? Number.POSITIVE_INFINITY;
  if (storage) {
    const size = Number(storage.rules?.size ?? STORAGE_SIZE_DEFAULT);
    maxBytes = Math.min(maxBytes, Math.max(STORAGE_SIZE_MIN, Number.isFinite(size) ? size : STORAGE_SIZE_DEFAULT));
    const storageTypes = patternsOf(String(storage.rules?.mimetype ?? '').split(','));
    if (storageTypes.length) {
      typeRules.push(storageTypes);
    }
  }
  const workflowTypes = patternsOf((config.mimetypes ?? []).map(String));
  if (workflowTypes.length) {
    typeRules.push(workflowTypes);
  }
  return { maxBytes, typeRules };
}

/** Whether a list takes a file: its type matches, and its name claims no active type the list leaves out. */
function takes(patterns: string[], type: string, filename: string, reader: TypeReader): boolean {
  const matches = (candidate: string) => patterns.some((pattern) => reader.matches(candidate, pattern));
  const named = reader.fromName(filename);
  return matches(type) && !(named && ACTIVE_CONTENT_TYPES.has(named) && !matches(named));
}

/**
 * Refuses a file that breaks a rule: its type (415), then its size (413). The type is the one its
 * bytes show, else the one its name implies, never the one the sender declared; it is returned,
 * when a type rule applied, so that the file is stored and listed under it.
 */
export async function checkFile(
  file: ReceivedFile,
  position: number,
  rules: UploadRules,
  reader: () => TypeReader,
): Promise<string | undefined> {
  let type: string | undefined;
  if (rules.typeRules.length) {
    const types = reader();
    type = (await types.fromContent(file.content)) ?? types.fromName(file.filename);
    const broken = rules.typeRules.find((patterns) => !type || !takes(patterns, type, file.filename, types));
    if (broken) {
      const what = type ? `is of type ${type}` : 'is of a type that cannot be recognised';
      const allowed = broken.join(', ');
      throw new WebhookRejection(415, `Uploaded file #${position} ${what}, which is not allowed (allowed: ${allowed})`);
    }
  }
  if (file.content.length > rules.maxBytes) {
    const limit = rules.maxBytes;
    const message = `Uploaded file #${position} is larger than the limit of ${bytes.format(limit)} (${limit} bytes)`;
    throw new WebhookRejection(413, message);
  }
  return type;
}
