import fs from 'fs';
import os from 'os';
import path from 'path';
import { Database } from '@nocobase/database';
import sqlite3 from 'sqlite3';
import { sleep } from '../../__tests__/helpers/waitUntil';
import { checkSqliteConnections, tuneSqlite } from '../sqlite';

function capturingReport() {
  const lines = { info: [] as string[], error: [] as string[] };
  const report = {
    version: '2.2.15',
    logger: {
      info: (message: string) => lines.info.push(message),
      error: (message: string) => lines.error.push(message),
    },
  };
  return { lines, report };
}
const quiet = capturingReport().report;

interface RawConnection {
  open: boolean;
}

function rawSqlite(file: string) {
  const connection = new sqlite3.Database(file);
  const run = (sql: string) =>
    new Promise<void>((resolve, reject) => connection.run(sql, (error) => (error ? reject(error) : resolve())));
  return { run, close: () => new Promise<void>((resolve) => connection.close(() => resolve())) };
}

/** A NocoBase database on a SQLite file of its own, whatever database the suite runs on. */
async function sqliteDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-sqlite-'));
  const storage = path.join(dir, 'db.sqlite');
  const db = new Database({ dialect: 'sqlite', storage, logging: false });
  await db.sequelize.query('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
  return { db, storage, dir };
}

async function journalMode(db: Database) {
  const [rows] = await db.sequelize.query('PRAGMA journal_mode');
  return (rows as Array<{ journal_mode: string }>)[0].journal_mode;
}

describe('SQLite tuning', () => {
  let opened: Awaited<ReturnType<typeof sqliteDatabase>>;

  beforeEach(async () => {
    opened = await sqliteDatabase();
  });

  afterEach(async () => {
    if (!opened.db.closed()) {
      await opened.db.close();
    }
    fs.rmSync(opened.dir, { recursive: true, force: true });
  });

  it('gives every transaction the 10 s busy timeout, so one waits out a lock held for 6.5 s instead of failing', async () => {
    const { db, storage } = opened;
    const { lines, report } = capturingReport();
    expect(await tuneSqlite(db, report, {})).toHaveLength(4);
    expect(await journalMode(db)).toBe('wal');
    // The start-up line says exactly what changed, and how to turn it off.
    expect(lines.info).toEqual([
      "[webhook] SQLite tuned: transactions DEFERRED → IMMEDIATE; every connection's busy timeout → 10000 ms, up to 4 committed transactions' connections reused; busy_timeout 1000 → 10000 ms; journal_mode delete → wal. WEBHOOK_SQLITE_TUNING=off leaves SQLite as it is.",
    ]);
    expect(lines.error).toEqual([]);
    // node-sqlite3 opens every connection with 1 s; Sequelize retries SQLITE_BUSY five times.
    const timeoutInTransaction = await db.sequelize.transaction(async (transaction) => {
      const [rows] = await db.sequelize.query('PRAGMA busy_timeout', { transaction });
      return Object.values((rows as Array<Record<string, number>>)[0])[0];
    });
    expect(timeoutInTransaction).toBe(10_000);

    const other = rawSqlite(storage);
    await other.run('BEGIN IMMEDIATE');
    await other.run("INSERT INTO notes (text) VALUES ('from elsewhere')");
    const started = Date.now();
    const write = db.sequelize.transaction((transaction) =>
      db.sequelize.query("INSERT INTO notes (text) VALUES ('from the app')", { transaction }),
    );
    await sleep(6_500);
    await other.run('COMMIT');
    await other.close();
    await write;
    expect(Date.now() - started).toBeGreaterThanOrEqual(6_400);
    const [rows] = await db.sequelize.query('SELECT text FROM notes ORDER BY id');
    expect(rows).toEqual([{ text: 'from elsewhere' }, { text: 'from the app' }]);
  });

  it('gives one transaction after another the same connection, concurrent ones their own, and closes them with the database', async () => {
    const { db } = opened;
    await tuneSqlite(db, quiet, {});
    const connectionOf = () =>
      db.sequelize.transaction(async (transaction) => {
        await db.sequelize.query("INSERT INTO notes (text) VALUES ('x')", { transaction });
        return (transaction as unknown as { connection: RawConnection }).connection;
      });
    const first = await connectionOf();
    const second = await connectionOf();
    expect(second).toBe(first);
    const [a, b] = await Promise.all([connectionOf(), connectionOf()]);
    expect(a).not.toBe(b);
    const [[{ count }]] = (await db.sequelize.query('SELECT COUNT(*) AS count FROM notes')) as unknown as [
      [{ count: number }],
    ];
    expect(count).toBe(4);

    await db.close();
    for (const connection of [first, a, b]) {
      expect(connection.open).toBe(false);
    }
  });

  it('leaves the database as it is with WEBHOOK_SQLITE_TUNING=off', async () => {
    const { db } = opened;
    expect(await tuneSqlite(db, quiet, { WEBHOOK_SQLITE_TUNING: 'off' })).toBeNull();
    expect(await journalMode(db)).toBe('delete');
  });

  it('passes its start-up check on the installed Sequelize, and without the connection manager logs one error and tunes the rest', async () => {
    const { db } = opened;
    expect(checkSqliteConnections(db)).toEqual({ ok: true });
    const without = { sequelize: { connectionManager: {} } } as unknown as Database;
    const missing = checkSqliteConnections(without);
    expect(missing).toEqual({ ok: false, problem: expect.stringContaining('getConnection, releaseConnection, close') });
    const { lines, report } = capturingReport();
    expect(await tuneSqlite(db, report, {}, () => missing)).toHaveLength(3);
    expect(lines.error).toEqual([
      expect.stringMatching(
        /^\[webhook\] NocoBase 2\.2\.15: SQLite connections: Sequelize's SQLite connection manager has no getConnection, releaseConnection, close;/,
      ),
    ]);
    expect(await journalMode(db)).toBe('wal');
  });
});
