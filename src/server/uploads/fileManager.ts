/** The collection uploaded files are stored in: the file manager's own, in its default storage. */
export const ATTACHMENTS = 'attachments';

/** What a storage allows, as the file manager keeps it (`storages.rules`). */
export interface StorageRules {
  /** Bytes. */
  size?: number | string | null;
  /** Comma-separated types or patterns, e.g. `image/*,application/pdf`. */
  mimetype?: string | null;
}

export interface StorageRow {
  name: string;
  default?: boolean;
  rules?: StorageRules | null;
}

/** The part of NocoBase's file manager plugin the webhook uses. */
export interface FileManager {
  storagesCache: Map<string | number, StorageRow>;
  loadStorages(): Promise<void>;
  createFileRecord(options: {
    collectionName: string;
    filePath: string;
    values?: Record<string, unknown>;
  }): Promise<{ get(name: string): unknown }>;
}

/** The storage `createFileRecord` writes `attachments` to: they name none, so the default one. */
export async function defaultStorageOf(fileManager: FileManager): Promise<StorageRow | null> {
  if (!fileManager.storagesCache.size) {
    await fileManager.loadStorages();
  }
  return [...fileManager.storagesCache.values()].find((storage) => storage.default) ?? null;
}
