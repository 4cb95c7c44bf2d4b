#!/usr/bin/env node
/**
 * CPU profile of the app while it serves one webhook target, to see what a delivery costs.
 * Starts the app like the bench does, but with `--cpu-prof`, drives the target, waits for the
 * drain, stops the app (the profile is written as it exits) and summarises two windows of the
 * serving process's profile: "accept" (while the load ran) and "drain" (after it, until every
 * run finished). Marks come from process.hrtime, the clock V8's profile uses.
 *
 *   node scripts/bench/profile.js [--target async|engine|sync|baseline] [--duration S] [--connections N]
 *                                 [--amount N] [--db sqlite|postgres|mysql] [--dir DIR] [--top N]
 * --amount sends N requests instead of lasting --duration: each async delivery is a run to wait for.
 * --target engine profiles the bench's engine reference instead (engineReference.js): --amount
 * runs (default 300) started by NocoBase's collection trigger, for drain profiles to hold against
 * the async target's.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startApp } = require('./app');
const { createApi } = require('./nocobaseApi');
const { buildTargets } = require('./targets');
const { asyncBurst, createLedger } = require('./asyncBurst');
const { createEngineReference } = require('./engineReference');
const { runLoad } = require('./load');
const { servingPid } = require('./rss');
const { createFreshDatabase } = require('../serverDatabase');
const { summarise, print } = require('./cpuprofile-summary');

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function option(args, name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

async function main() {
  const args = process.argv.slice(2);
  const target = option(args, 'target', 'async');
  const drains = target === 'async' || target === 'engine'; // targets whose runs are waited for
  const duration = Number(option(args, 'duration', 20));
  const amount = Number(option(args, 'amount', 0));
  const load = amount ? { connections: Number(option(args, 'connections', 20)), amount } : null;
  const connections = Number(option(args, 'connections', 20));
  const topN = Number(option(args, 'top', 30));
  const db = option(args, 'db', 'sqlite');
  const dir = path.resolve(option(args, 'dir', fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-profile-'))));
  fs.mkdirSync(dir, { recursive: true });

  const database = db === 'sqlite' ? null : await createFreshDatabase(db);
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
      signed: await api.createAsyncWorkflow('Profile: unused (signed)'),
      ...(target === 'engine'
        ? { engine: await api.createCollectionWorkflow('Profile: engine reference', 'bench_orders') }
        : {}),
    };
    const targets = buildTargets({ app, ceiling: { url: app.baseUrl }, workflows, bodySize: 1024 });
    const reference = workflows.engine
      ? createEngineReference({
          api,
          baseUrl: app.baseUrl,
          workflow: workflows.engine,
          bodySize: 1024,
          stallSeconds: 60,
        })
      : null;
    // A short unmeasured warm-up so the profile shows steady state, not the first JIT passes.
    await runLoad(targets[drains ? 'baseline' : target], { connections, duration: 2 });
    const ledger = createLedger(workflows.async);
    const drained = (work) =>
      reference
        ? reference.burst(work.amount)
        : asyncBurst({ api, ledger, target: targets.async, load: work, stallSeconds: 60 });
    if (drains) await drained({ connections, amount: 500 });
    // The engine reference prepares its records before its clock starts.
    let start = nowUs();
    let loadEnd;
    if (drains) {
      const { result, drain, loadEndedUs } = await drained(
        target === 'engine' ? { amount: amount || 300 } : (load ?? { connections, duration }),
      );
      if (reference) start = loadEndedUs - Math.round(result.seconds * 1e6);
      loadEnd = loadEndedUs;
      console.log(
        `[profile] ${target} ${result.itemsPerSecond.toFixed(0)}/s; drain ${drain.seconds?.toFixed(1)} s, ` +
          `${drain.executionsPerSecond?.toFixed(1)} executions/s`,
      );
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
  const file = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(`.${pid}.0.001.cpuprofile`) || name.includes(`.${pid}.`))[0];
  if (!file) throw new Error(`no profile of pid ${pid} in ${dir}: ${fs.readdirSync(dir).join(', ')}`);
  const full = path.join(dir, file);
  console.log(`\n[profile] ${full}`);
  console.log(`[profile] accept window: --from ${marks.start} --to ${marks.loadEnd}`);
  print(summarise(full, { from: marks.start, to: marks.loadEnd }), { topN });
  if (drains) {
    console.log(`\n[profile] drain window: --from ${marks.loadEnd} --to ${marks.end}`);
    print(summarise(full, { from: marks.loadEnd, to: marks.end }), { topN });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
