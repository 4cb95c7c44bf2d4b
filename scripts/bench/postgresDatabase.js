/**
 * `--db postgres`: every run gets a database of its own on the server named by DB_HOST, DB_PORT,
 * DB_USER, DB_PASSWORD (created next to DB_DATABASE, dropped afterwards), so a run always starts
 * from a fresh install and never touches data that was there before.
 */
const path = require('path');
const { root } = require('../app-env');

function connectionFromEnv(database) {
  return {
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USER || 'postgres',
    password: process.env.DB_PASSWORD || undefined,
    database,
  };
}

async function withClient(database, work) {
  // The pg driver ships with NocoBase's database package.
  const { Client } = require(require.resolve('pg', { paths: [path.join(root, 'node_modules')] }));
  const client = new Client(connectionFromEnv(database));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createFreshDatabase() {
  const base = process.env.DB_DATABASE || 'postgres';
  const name = `${base}_bench_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-zA-Z0-9_]/g, '_').toLowerCase();
  await withClient(base, (client) => client.query(`CREATE DATABASE "${name}"`));
  const connection = connectionFromEnv(name);
  return {
    name,
    overrides: {
      DB_DIALECT: 'postgres',
      DB_HOST: connection.host,
      DB_PORT: String(connection.port),
      DB_DATABASE: name,
      DB_USER: connection.user,
      ...(connection.password ? { DB_PASSWORD: connection.password } : {}),
    },
    async drop() {
      await withClient(base, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

module.exports = { createFreshDatabase };
