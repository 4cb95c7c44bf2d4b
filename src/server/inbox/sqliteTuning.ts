import type { Database } from '@nocobase/database';
import type { Log } from '../Log';
import { reuseSqliteConnections } from './sqliteConnections';

/** How long a SQLite writer waits for the lock before failing with SQLITE_BUSY (node-sqlite3: 1 s). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Keeps an embedded SQLite database usable while deliveries are stored and drained: writers queue
 * for the lock instead of failing. Every transaction takes the write lock when it begins
 * (IMMEDIATE), which is where SQLite honours the busy timeout (a DEFERRED one that has read and
 * then writes fails at once), each connection waits up to 10 s, transactions reuse connections
 * instead of opening one each, and the write-ahead log lets readers go on beside the one writer.
 * `WEBHOOK_SQLITE_TUNING=off` leaves the database as it is.
 */
export async function tuneSqlite(db: Database, logger: Log, env: NodeJS.ProcessEnv = process.env) {
  if (db.options.dialect !== 'sqlite' || env.WEBHOOK_SQLITE_TUNING === 'off') {
    return false;
  }
  const storage = (db.options as { storage?: string }).storage;
  if (!storage || storage === ':memory:') {
    return false;
  }
  const { options } = db.sequelize as unknown as { options: { transactionType?: string } };
  options.transactionType = 'IMMEDIATE';
  reuseSqliteConnections(db, SQLITE_BUSY_TIMEOUT_MS);
  await db.sequelize.query(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  await db.sequelize.query('PRAGMA journal_mode = WAL');
  logger.info('[webhook] SQLite: write-ahead log, IMMEDIATE transactions, 10 s busy timeout, reused connections');
  return true;
}
