import path from 'path';

/** A database a test app runs on, and how to remove it afterwards. */
export interface TestDatabase {
  options: Record<string, unknown>;
  drop(): Promise<void>;
}

export interface DatabaseServer {
  host?: string;
  port: number;
  user?: string;
  password?: string;
}

export function serverFromEnv(): DatabaseServer {
  return {
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD || undefined,
  };
}

export function quoteName(dialect: string, name: string) {
  return dialect === 'postgres' ? `"${name}"` : `\`${name}\``;
}

interface SqlClient {
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

// The drivers NocoBase itself installs: `pg` for PostgreSQL, `mysql2` for MySQL and MariaDB.
async function connect(dialect: string, server: DatabaseServer): Promise<SqlClient> {
  const modules = process.env.NODE_MODULES_PATH ?? path.resolve(__dirname, '../../../../node_modules');
  if (dialect === 'postgres') {
    const { Client } = require(require.resolve('pg', { paths: [modules] }));
    const client = new Client({ ...server, database: 'postgres' });
    await client.connect();
    return client;
  }
  if (dialect === 'mysql' || dialect === 'mariadb') {
    const mysql = require(require.resolve('mysql2/promise', { paths: [modules] }));
    return mysql.createConnection({ ...server });
  }
  throw new Error(`No test database support for dialect "${dialect}"`);
}

/** Runs one administrative statement (CREATE / DROP DATABASE) on its own short-lived connection. */
export function adminConnection(dialect: string, server: DatabaseServer) {
  return async (sql: string) => {
    const client = await connect(dialect, server);
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
}
