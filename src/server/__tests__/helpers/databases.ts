import path from 'path';

/** A database a test app runs on, and how to remove it afterwards. */
export interface TestDatabase {
  options: Record<string, unknown>;
  drop(): Promise<void>;
}

/** What scripts/serverDatabase.js creates: the database's name, the DB_* that reach it, its removal. */
export interface ServerDatabase {
  name: string;
  overrides: Record<string, string>;
  drop(): Promise<void>;
}

// The same helper the bench uses, so tests and bench create and drop databases one way.
const { createFreshDatabase } = require(path.resolve(__dirname, '../../../../scripts/serverDatabase')) as {
  createFreshDatabase(dialect: string, prefix: string): Promise<ServerDatabase>;
};

/** A fresh database on the server named by DB_* (see scripts/with-database.sh). */
export function freshServerDatabase(dialect: string, prefix: string): Promise<ServerDatabase> {
  return createFreshDatabase(dialect, prefix);
}

/** The same database as NocoBase's `Application` takes it. */
export function applicationOptions(dialect: string, database: ServerDatabase): Record<string, unknown> {
  const { DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_DATABASE } = database.overrides;
  return {
    dialect,
    host: DB_HOST,
    port: Number(DB_PORT),
    username: DB_USER,
    password: DB_PASSWORD,
    database: DB_DATABASE,
    logging: false,
  };
}
