#!/usr/bin/env node
/**
 * `npm run bench:stats [-- --rows 1000000 --calls 9]`: how long `webhookDeliveries:stats` (the
 * overview page's counts and chart) takes over HTTP with a large inbox.
 *
 * Starts the real app as `npm run bench` does (fresh SQLite database, free port), creates webhook
 * workflows through the API, then writes N delivery rows straight into the inbox table with one
 * INSERT … SELECT over a generated sequence (a million rows in seconds, through the indexes the
 * app created), spread evenly over the last 30 days, across the workflows and the outcomes. Then
 * it calls the action for each range, all workflows and one, and prints the median of the calls.
 *
 * No row is `stored`: the app's sweeper would start them, and the bench measures reads, not runs.
 * Retention is lifted for the app, so that its pruning does not delete the seeded rows meanwhile.
 */
const path = require('path');
const sqlite3 = require('sqlite3');
const { startApp } = require('./app');
const { createApi } = require('./nocobaseApi');
const { median } = require('./summary');

const TARGET_MS = 200;
const DAYS = 30;
const WORKFLOWS = 20;
const RANGES = ['hour', 'day', 'week'];

function parse(argv) {
  const options = { rows: 1_000_000, calls: 9 };
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index].replace(/^--/, '');
    if (name === 'rows' || name === 'calls') {
      options[name] = Number(argv[(index += 1)]);
      if (!(options[name] > 0)) throw new Error(`--${name} needs a positive number`);
    } else {
      throw new Error(`unknown option ${argv[index]} (known: --rows N, --calls N)`);
    }
  }
  return options;
}

function run(db, sql, params = []) {
  return new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
}

/**
 * Outcomes in the proportions of a busy, mostly healthy inbox: per 100 rows, 84 ran, 5 failed,
 * 5 refused, 3 duplicates, 2 given up, 1 handshake.
 */
const STATE_OF_N = `CASE
  WHEN n % 100 < 84 THEN 'finished'
  WHEN n % 100 < 89 THEN 'failed'
  WHEN n % 100 < 94 THEN 'refused'
  WHEN n % 100 < 97 THEN 'duplicate'
  WHEN n % 100 < 99 THEN 'gaveUp'
  ELSE 'handshake' END`;

async function seed(file, workflows, rows) {
  const db = new sqlite3.Database(file);
  try {
    await run(db, 'PRAGMA busy_timeout = 30000');
    await run(db, 'CREATE TEMP TABLE bench_workflows (i INTEGER PRIMARY KEY, id INTEGER, key TEXT)');
    for (const [index, workflow] of workflows.entries()) {
      await run(db, 'INSERT INTO bench_workflows VALUES (?, ?, ?)', [index, workflow.id, workflow.key]);
    }
    const now = Date.now() / 1000;
    const step = (DAYS * 24 * 3600) / rows;
    const at = `strftime('%Y-%m-%d %H:%M:%f', ${now} - n * ${step}, 'unixepoch') || ' +00:00'`;
    await run(
      db,
      `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${rows - 1})
       INSERT INTO webhookDeliveries
         (workflowId, workflowKey, sync, method, headers, query, body, receivedAt, state, kind,
          attempts, attempt, createdAt, updatedAt)
       SELECT w.id, w.key, 0, 'POST', '{}', '{}', '{"order":{"id":"bench"}}', ${at}, ${STATE_OF_N},
          'delivery', 0, 1, ${at}, ${at}
       FROM seq JOIN bench_workflows w ON w.i = n % ${workflows.length}`,
    );
    await run(db, 'ANALYZE');
  } finally {
    await new Promise((resolve) => db.close(resolve));
  }
}

async function stats(baseUrl, api, query) {
  const url = new URL(`${baseUrl}/api/webhookDeliveries:stats`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: api.authHeaders() });
  if (!response.ok) throw new Error(`webhookDeliveries:stats answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function timeCalls(baseUrl, api, query, calls) {
  const times = [];
  // One unmeasured call first: the first read of a cold page cache is not what a user waits for.
  for (let call = 0; call <= calls; call += 1) {
    const started = performance.now();
    const answer = await stats(baseUrl, api, query);
    const elapsed = performance.now() - started;
    if (call > 0) times.push(elapsed);
    if (!answer?.data?.series) throw new Error('webhookDeliveries:stats gave no series');
  }
  return median(times);
}

async function main() {
  const options = parse(process.argv.slice(2));
  process.env.WEBHOOK_INBOX_RETENTION_DAYS = '3650';
  process.env.WEBHOOK_INBOX_MAX_ROWS = '100000000';
  process.env.WEBHOOK_INBOX_MAX_REFUSED = '100000000';
  const app = await startApp();
  let missed = false;
  try {
    const api = createApi(app.baseUrl);
    await api.signIn();
    const workflows = [];
    for (let index = 0; index < WORKFLOWS; index += 1) {
      workflows.push(await api.createAsyncWorkflow(`stats bench ${index + 1}`));
    }
    const seedStarted = Date.now();
    await seed(path.join(app.storage, 'db', 'nocobase.sqlite'), workflows, options.rows);
    console.log(
      `[bench:stats] ${options.rows.toLocaleString('en-US')} deliveries over ${DAYS} days, ` +
        `${WORKFLOWS} workflows, seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s (SQLite)`,
    );
    for (const range of RANGES) {
      for (const [label, query] of [
        ['all workflows', { range }],
        ['one workflow', { range, workflowId: String(workflows[0].id) }],
      ]) {
        const ms = await timeCalls(app.baseUrl, api, query, options.calls);
        missed ||= ms > TARGET_MS;
        console.log(
          `[bench:stats] webhookDeliveries:stats range=${range}, ${label}: median ${ms.toFixed(1)} ms ` +
            `over ${options.calls} calls (target ≤ ${TARGET_MS} ms)`,
        );
      }
    }
  } finally {
    await app.stop();
  }
  process.exit(missed ? 1 : 0);
}

main().catch((error) => {
  console.error(`[bench:stats] failed: ${error.stack ?? error.message}`);
  process.exit(2);
});
