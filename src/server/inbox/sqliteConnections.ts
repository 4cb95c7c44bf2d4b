import type { Database } from '@nocobase/database';

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
export function reuseSqliteConnections(db: Database, busyTimeoutMs: number) {
  const manager = (db.sequelize as unknown as { connectionManager: SqliteConnectionManager }).connectionManager;
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
