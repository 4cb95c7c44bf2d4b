import type { Database, FindOptions } from '@nocobase/database';
import type { FindOptions as ModelFindOptions } from 'sequelize';

/**
 * Typed reads, so that the casts a read needs live here instead of at every call site. Sequelize
 * types `raw: true` rows as model instances, and NocoBase's repositories return plain `Model`s;
 * the callers know what the rows hold.
 */

/** `findAll` with `raw: true` on a collection's model: plain objects of `T`. */
export async function rawRows<T>(
  db: Database,
  collection: string,
  options: Omit<ModelFindOptions, 'raw'>,
): Promise<T[]> {
  return (await db.getModel(collection).findAll({ ...options, raw: true })) as unknown as T[];
}

/** One record through the collection's repository, as the model class that collection defines. */
export async function findRecord<T>(db: Database, collection: string, options: FindOptions): Promise<T | null> {
  return (await db.getRepository(collection).findOne(options)) as unknown as T | null;
}

/** Records through the collection's repository, as the model class that collection defines. */
export async function findRecords<T>(db: Database, collection: string, options: FindOptions): Promise<T[]> {
  return (await db.getRepository(collection).find(options)) as unknown as T[];
}
