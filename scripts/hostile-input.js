#!/usr/bin/env node
/**
 * `node scripts/hostile-input.js`: sends every hostile request of scripts/hostile/cases.js to a
 * webhook workflow of a real app (started as `npm start` starts it, on a fresh SQLite file), and
 * prints the table of case → answer, then the app's resident memory before and after, and what
 * was stored and run. Exits non-zero if a case got no 4xx (or a cut connection), or if anything
 * of the hostile requests was stored or run.
 */
const { startApp } = require('./bench/app');
const { createApi } = require('./bench/nocobaseApi');
const { servingPid, rssMB } = require('./bench/rss');
const { sleep } = require('./bench/processes');
const { runHostileCases, renderTable } = require('./hostile/cases');

const SETTLE_MS = 3000;

async function main() {
  process.env.WEBHOOK_BODY_TIMEOUT_MS = process.env.WEBHOOK_BODY_TIMEOUT_MS || '5000';
  const app = await startApp();
  try {
    const api = createApi(app.baseUrl);
    await api.signIn();
    const workflow = await api.createWorkflow({
      title: 'hostile input',
      sync: false,
      node: { type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } },
    });
    const pid = servingPid(app.child.pid, app.port);
    await sleep(SETTLE_MS);
    const before = rssMB(pid);
    const rows = await runHostileCases(app.baseUrl, `/api/webhook:trigger/${workflow.key}`);
    console.log(renderTable(rows));
    await sleep(SETTLE_MS);
    const after = rssMB(pid);
    const executions = await api.countExecutions(workflow.id);
    console.log(
      `\nresident memory: ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after; app process still up: ${app.child.exitCode === null}`,
    );
    console.log(`executions of the workflow: ${executions} (only the control delivery may run)`);
    const hostile = rows.slice(0, -1);
    const unclear = hostile.filter((row) => row.status !== null && (row.status < 400 || row.status > 499));
    if (unclear.length || executions !== 1 || app.child.exitCode !== null) {
      console.error(`[hostile] failed: ${unclear.map((row) => row.name).join(', ') || 'runs or process'}`);
      process.exitCode = 1;
    }
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
