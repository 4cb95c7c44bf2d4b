#!/usr/bin/env node
/**
 * CPU profile of the app while it serves one webhook target, to see what a delivery costs.
 * Starts the app like the bench does, but with `--cpu-prof`, drives the target, waits for the
 * drain, stops the app (the profile is written as it exits) and summarises two windows of the
 * serving process's profile: "accept" (while the load ran) and "drain" (after it, until every
 * run finished). Marks come from process.hrtime, the clock V8's profile uses.
 *
 *   node scripts/bench/profile.js [--target async|sync|baseline] [--duration S] [--connections N]
 *                                 [--amount N] [--db sqlite|postgres] [--dir DIR] [--top N]
 * --amount sends N requests instead of lasting --duration: each async delivery is a run to wait for.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startApp } = require('./app');
const { createApi } = require('./nocobaseApi');
const { buildTargets } = require('./targets');
const { asyncBurst, createLedger } = require('./asyncBurst');
const { runLoad } = require('./load');
const { servingPid } = require('./rss');
const { createFreshDatabase } = require('./postgresDatabase');
const { summarise, print } = require('./cpuprofile-summary');

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

async function main() {
  const args = process.argv.slice(2);
  const target = option(args, 'target', 'async');
  const duration = Number(option(args, 'duration', 20));
  const amount = Number(option(args, 'amount', 0));
  const load = amount ? { connections: Number(option(args, 'connections', 20)), amount } : null;
  const connections = Number(option(args, 'connections', 20));
  const topN = Number(option(args, 'top', 30));
  const db = option(args, 'db', 'sqlite');
  const dir = path.resolve(option(args, 'dir', fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-profile-'))));
  fs.mkdirSync(dir, { recursive: true });

  const database = db === 'postgres' ? await createFreshDatabase() : null;
  const app = await startApp({ database: database?.overrides, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  let marks;
  let pid;
  try {
    pid = servingPid(app.child.pid, app.port);
    const api = createApi(app.baseUrl);
    await api.signIn();
    const workflows = {
      async: await api.createAsyncWorkflow('Profile: async'),
      sync: await api.createSyncWorkflow('Profile: sync'),
      memory: await api.createAsyncWorkflow('Profile: unused'),
    };
    const targets = buildTargets({ app, ceiling: { url: app.baseUrl }, workflows, bodySize: 1024 });
    // A short unmeasured warm-up so the profile shows steady state, not the first JIT passes.
    await runLoad(targets[target === 'async' ? 'baseline' : target], { connections, duration: 2 });
    const ledger = createLedger(workflows.async);
    if (target === 'async') await asyncBurst({ api, ledger, target: targets.async, load: { connections, amount: 500 }, stallSeconds: 60 });
    const start = nowUs();
    let loadEnd;
    if (target === 'async') {
      const { result, drain, loadEndedUs } = await asyncBurst({
        api,
        ledger,
        target: targets.async,
        load: load ?? { connections, duration },
        stallSeconds: 60,
      });
      loadEnd = loadEndedUs;
      console.log(`[profile] async ${result.requestsPerSecond.toFixed(0)} req/s; drain ${drain.seconds?.toFixed(1)} s, ${drain.executionsPerSecond?.toFixed(1)} executions/s`);
    } else {
      const result = await runLoad(targets[target], load ?? { connections, duration });
      loadEnd = nowUs();
      console.log(`[profile] ${target} ${result.requestsPerSecond.toFixed(0)} req/s`);
    }
    marks = { start, loadEnd, end: nowUs() };
  } finally {
    await app.stop();
    if (database) await database.drop();
  }
  const file = fs.readdirSync(dir).filter((name) => name.endsWith(`.${pid}.0.001.cpuprofile`) || name.includes(`.${pid}.`))[0];
  if (!file) throw new Error(`no profile of pid ${pid} in ${dir}: ${fs.readdirSync(dir).join(', ')}`);
  const full = path.join(dir, file);
  console.log(`\n[profile] ${full}`);
  console.log(`[profile] accept window: --from ${marks.start} --to ${marks.loadEnd}`);
  print(summarise(full, { from: marks.start, to: marks.loadEnd }), { topN });
  if (target === 'async') {
    console.log(`\n[profile] drain window: --from ${marks.loadEnd} --to ${marks.end}`);
    print(summarise(full, { from: marks.loadEnd, to: marks.end }), { topN });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
