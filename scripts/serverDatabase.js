/**
 * A database of its own on the PostgreSQL or MySQL/MariaDB server named by DB_HOST, DB_PORT,
 * DB_USER, DB_PASSWORD (created next to DB_DATABASE, dropped afterwards), so that a bench run, a
 * test file or a cluster test always starts from a fresh install and never touches data that was
 * there before.
 */
const path = require('path');
const { root } = require('./app-env');

const DIALECTS = {
  // The drivers ship with NocoBase's database package.
  postgres: {
    defaultPort: 5432,
    defaultUser: 'postgres',
    quote: (name) => `"${name}"`,
    dropSuffix: ' WITH (FORCE)',
    async connect(connection) {
      const { Client } = require(require.resolve('pg', { paths: [path.join(root, 'node_modules')] }));
      const client = new Client(connection);
      await client.connect();
      return client;
    },
  },
  mysql: {
    defaultPort: 3306,
    defaultUser: 'root',
    quote: (name) => `\`${name}\``,
    dropSuffix: '',
    connect(connection) {
      const mysql = require(require.resolve('mysql2/promise', { paths: [path.join(root, 'node_modules')] }));
      return mysql.createConnection(connection);
    },
  },
};

function connectionFromEnv(dialect, database) {
  return {
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT || dialect.defaultPort),
    user: process.env.DB_USER || dialect.defaultUser,
    password: process.env.DB_PASSWORD || undefined,
    database,
  };
}

async function withClient(dialect, database, work) {
  const client = await dialect.connect(connectionFromEnv(dialect, database));
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** @param prefix  how the database's name starts: `bench`, `webhook_test`, … */
async function createFreshDatabase(dialectName, prefix = 'bench') {
  const dialect = DIALECTS[dialectName];
  if (!dialect) throw new Error(`no fresh-database support for ${dialectName}`);
  const base = process.env.DB_DATABASE || (dialectName === 'postgres' ? 'postgres' : 'mysql');
  const unique = `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const name = `${prefix}_${unique}`.replace(/[^a-zA-Z0-9_]/g, '_').toLowerCase();
  await withClient(dialect, base, (client) => client.query(`CREATE DATABASE ${dialect.quote(name)}`));
  const connection = connectionFromEnv(dialect, name);
  return {
    name,
    overrides: {
      DB_DIALECT: dialectName,
      DB_HOST: connection.host,
      DB_PORT: String(connection.port),
      DB_DATABASE: name,
      DB_USER: connection.user,
      ...(connection.password ? { DB_PASSWORD: connection.password } : {}),
    },
    async drop() {
      await withClient(dialect, base, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${dialect.quote(name)}${dialect.dropSuffix}`),
      );
    },
  };
}

module.exports = { createFreshDatabase, SERVER_DIALECTS: Object.keys(DIALECTS) };
