import type { Database } from '@nocobase/database';
import { HostCheck, HostReport, reportHostCheck } from './hostCheck';

/**
 * The only module that changes how NocoBase talks to an embedded SQLite database. It keeps the
 * database usable while deliveries are stored and drained: writers queue for the lock instead of
 * failing. Every transaction takes the write lock when it begins (IMMEDIATE), which is where SQLite
 * honours the busy timeout (a DEFERRED one that has read and then writes fails at once), each
 * connection waits up to 10 s, transactions reuse connections instead of opening one each, and the
 * write-ahead log lets readers go on beside the one writer. It logs at start exactly what it
 * changed; `WEBHOOK_SQLITE_TUNING=off` leaves the database as it is.
 */

/** How long a SQLite writer waits for the lock before failing with SQLITE_BUSY (node-sqlite3: 1 s). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Released transaction connections kept open for the next transactions. */
const MAX_IDLE_CONNECTIONS = 4;

interface SqliteConnection {
  uuid?: string;
  configure(option: 'busyTimeout', value: number): void;
  close(callback?: (error: Error | null) => void): void;
}

/** The parts of Sequelize's SQLite connection manager this patches (sequelize 6). */
interface SqliteConnectionManager {
  connections: Record<string, SqliteConnection>;
  getConnection(options?: { uuid?: string; inMemory?: number }): Promise<SqliteConnection>;
  releaseConnection(connection: SqliteConnection, force?: boolean): void;
  close(): Promise<unknown>;
}

/** A manager is patched once, however often the app loads. */
const patched = new WeakSet<object>();

const closeConnection = (connection: SqliteConnection) =>
  new Promise<void>((resolve) => connection.close(() => resolve()));

/**
 * Sequelize's SQLite dialect opens a new database connection for every transaction and closes it
 * at commit. Each one starts with node-sqlite3's 1 s busy timeout (the `afterConnect` hook never
 * runs for SQLite, so the app's own setting does not reach it) and must read the whole schema
 * again before its first statement (≈ 2 ms with NocoBase's tables). Here every new connection gets
 * `busyTimeoutMs`, and a committed or rolled-back transaction's connection, which is clean again,
 * is kept for the next transaction instead of being closed. A connection Sequelize gives up on
 * after a failed commit or rollback is destroyed by its own path, never kept.
 */
function reuseSqliteConnections(manager: SqliteConnectionManager, busyTimeoutMs: number) {
  if (patched.has(manager)) {
    return;
  }
  patched.add(manager);
  const idle: SqliteConnection[] = [];
  const getConnection = manager.getConnection.bind(manager);
  const releaseConnection = manager.releaseConnection.bind(manager);
  const close = manager.close.bind(manager);

  manager.getConnection = async (options = {}) => {
    const uuid = options.uuid || 'default';
    if (uuid !== 'default' && !manager.connections[uuid] && idle.length) {
      const connection = idle.pop()!;
      manager.connections[uuid] = connection;
      return connection;
    }
    const known = manager.connections[uuid];
    const connection = await getConnection(options);
    if (connection !== known) {
      connection.configure('busyTimeout', busyTimeoutMs);
    }
    return connection;
  };

  manager.releaseConnection = (connection, force) => {
    if (!force && connection.uuid && idle.length < MAX_IDLE_CONNECTIONS) {
      delete manager.connections[connection.uuid];
      idle.push(connection);
      return;
    }
    releaseConnection(connection, force);
  };

  manager.close = async () => {
    await Promise.all(idle.splice(0).map(closeConnection));
    return close();
  };
}

function connectionManagerOf(db: Database): Partial<SqliteConnectionManager> | undefined {
  return (db.sequelize as unknown as { connectionManager?: Partial<SqliteConnectionManager> }).connectionManager;
}

/** The parts of Sequelize's SQLite connection manager the connection reuse replaces. */
export function checkSqliteConnections(db: Database): HostCheck {
  const manager = connectionManagerOf(db);
  const missing = ['getConnection', 'releaseConnection', 'close'].filter(
    (name) => typeof (manager as Record<string, unknown> | undefined)?.[name] !== 'function',
  );
  if (!manager || missing.length || typeof manager.connections !== 'object' || manager.connections === null) {
    return {
      ok: false,
      problem: `Sequelize's SQLite connection manager has no ${missing.length ? missing.join(', ') : '`connections`'}`,
    };
  }
  return { ok: true };
}

async function pragma(db: Database, name: string): Promise<string> {
  const [rows] = await db.sequelize.query(`PRAGMA ${name}`);
  const row = (rows as Array<Record<string, unknown>>)[0] ?? {};
  return String(Object.values(row)[0]);
}

/** Tunes an embedded SQLite database (not `:memory:`, not with the tuning off); returns what it changed. */
export async function tuneSqlite(
  db: Database,
  report: HostReport,
  env: NodeJS.ProcessEnv = process.env,
  check: (db: Database) => HostCheck = checkSqliteConnections,
): Promise<string[] | null> {
  if (db.options.dialect !== 'sqlite' || env.WEBHOOK_SQLITE_TUNING === 'off') {
    return null;
  }
  const storage = (db.options as { storage?: string }).storage;
  if (!storage || storage === ':memory:') {
    return null;
  }
  const changed: string[] = [];
  const { options } = db.sequelize as unknown as { options: { transactionType?: string } };
  changed.push(`transactions ${options.transactionType ?? 'DEFERRED'} → IMMEDIATE`);
  options.transactionType = 'IMMEDIATE';
  const reused = reportHostCheck(
    report,
    'SQLite connections',
    check(db),
    "transactions keep Sequelize's own connections (1 s busy timeout each); the rest of the SQLite tuning applies",
  );
  if (reused) {
    reuseSqliteConnections(connectionManagerOf(db) as SqliteConnectionManager, SQLITE_BUSY_TIMEOUT_MS);
    changed.push(
      `every connection's busy timeout → ${SQLITE_BUSY_TIMEOUT_MS} ms, up to ${MAX_IDLE_CONNECTIONS} committed transactions' connections reused`,
    );
  }
  const timeout = await pragma(db, 'busy_timeout');
  await db.sequelize.query(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  changed.push(`busy_timeout ${timeout} → ${SQLITE_BUSY_TIMEOUT_MS} ms`);
  const journal = await pragma(db, 'journal_mode');
  await db.sequelize.query('PRAGMA journal_mode = WAL');
  changed.push(`journal_mode ${journal} → wal`);
  report.logger.info(
    `[webhook] SQLite tuned: ${changed.join('; ')}. WEBHOOK_SQLITE_TUNING=off leaves SQLite as it is.`,
  );
  return changed;
}
