#!/usr/bin/env node
/**
 * `npm run bench`: how fast the webhook endpoint is next to NocoBase's own API and next to a bare
 * Koa server, on the real app. Targets are measured interleaved over rounds (A B C D A B C D …)
 * so that drift of the machine hits all of them alike. Exits non-zero only when a request errored
 * or a delivery was lost, never because something was slow. See scripts/bench/*.js for each part.
 */
const { parseOptions } = require('./bench/options');
const { startApp } = require('./bench/app');
const { startCeiling } = require('./bench/ceiling');
const { createFreshDatabase } = require('./bench/postgresDatabase');
const { createApi } = require('./bench/nocobaseApi');
const { buildTargets } = require('./bench/targets');
const { runLoad } = require('./bench/load');
const { asyncBurst, createLedger } = require('./bench/asyncBurst');
const { memoryPhase } = require('./bench/memoryPhase');
const { audit } = require('./bench/audit');
const { summarise, median, ratio } = require('./bench/summary');
const { render, writeJson } = require('./bench/report');

const log = (message) => console.log(`[bench] ${message}`);
const rps = (burst) => `${burst.requestsPerSecond.toFixed(0)} req/s, p99 ${burst.latency.p99} ms` +
  `${burst.non2xx ? `, ${burst.non2xx} non-2xx` : ''}${burst.errors ? `, ${burst.errors} errors` : ''}`;

/** Cleanup steps run last-in first-out, on success, failure and Ctrl-C alike. */
function createCleanup() {
  const steps = [];
  let running = null;
  const run = () => {
    running ??= (async () => {
      while (steps.length) {
        const step = steps.pop();
        await step().catch((error) => console.error(`[bench] cleanup: ${error.message}`));
      }
    })();
    return running;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => run().finally(() => process.exit(130)));
  }
  return { add: (step) => steps.push(step), run };
}

async function measure(options, cleanup) {
  const started = Date.now();
  const loadAtStart = require('os').loadavg();
  const phaseSeconds = {};
  let phaseStart = Date.now();
  const phase = (name) => {
    phaseSeconds[name] = (Date.now() - phaseStart) / 1000;
    phaseStart = Date.now();
  };

  let database = null;
  if (options.db === 'postgres') {
    database = await createFreshDatabase();
    cleanup.add(() => database.drop());
    log(`PostgreSQL database ${database.name} on ${database.overrides.DB_HOST}:${database.overrides.DB_PORT}`);
  }
  log(`starting NocoBase on ${options.db}…`);
  const app = await startApp({ database: database?.overrides });
  cleanup.add(() => app.stop());
  log(`app ready in ${app.startSeconds.toFixed(1)} s at ${app.baseUrl} (storage ${app.storage})`);
  const ceiling = await startCeiling();
  cleanup.add(() => ceiling.stop());
  phase('start');

  const api = createApi(app.baseUrl);
  await api.signIn();
  const workflows = {
    async: await api.createAsyncWorkflow('Bench: async order'),
    sync: await api.createSyncWorkflow('Bench: sync echo'),
    memory: await api.createAsyncWorkflow('Bench: memory check'),
  };
  const targets = buildTargets({ app, ceiling, workflows, bodySize: options.bodySize });
  const ledgers = { async: createLedger(workflows.async), memory: createLedger(workflows.memory) };
  const order = ['baseline', 'async', 'sync', 'ceiling'];
  const bursts = Object.fromEntries(order.map((name) => [name, []]));
  const drains = [];

  const burst = async (name, load) => {
    if (name !== 'async') return { result: await runLoad(targets[name], load) };
    const bounded = options.asyncCap ? { connections: load.connections, amount: options.asyncCap } : load;
    return asyncBurst({ api, ledger: ledgers.async, target: targets.async, load: bounded, stallSeconds: options.stallSeconds });
  };

  if (options.warmup > 0) {
    for (const name of order) await burst(name, { connections: options.connections, duration: options.warmup });
    log(`warmed up (${options.warmup} s per target)`);
  }
  phase('warmup');

  for (let round = 1; round <= options.rounds; round += 1) {
    for (const name of order) {
      const { result, drain } = await burst(name, { connections: options.connections, duration: options.duration });
      bursts[name].push(result);
      if (drain) drains.push(drain);
      log(`round ${round}/${options.rounds} ${name.padEnd(8)} ${rps(result)}` +
        (drain ? `; drained in ${drain.seconds?.toFixed(1) ?? '(incomplete)'} s, ${drain.executionsPerSecond?.toFixed(1) ?? '–'} executions/s` : ''));
    }
  }
  phase('rounds');

  const extra = {};
  extra.syncSingle = [(await burst('sync', { connections: 1, duration: options.duration })).result];
  log(`sync at 1 connection: ${rps(extra.syncSingle[0])}`);
  if (options.connections !== 20) {
    extra.syncAt20 = [(await burst('sync', { connections: 20, duration: options.duration })).result];
    log(`sync at 20 connections: ${rps(extra.syncAt20[0])}`);
  }
  const at50 = await burst('async', { connections: 50, duration: options.duration });
  extra.asyncAt50 = [at50.result];
  log(`async at 50 connections: ${rps(at50.result)}; drained in ${at50.drain.seconds?.toFixed(1) ?? '(incomplete)'} s`);
  phase('extras');

  log(`memory: ${options.leakRequests} async requests…`);
  const memory = await memoryPhase({
    app,
    api,
    ledger: ledgers.memory,
    target: targets.memory,
    connections: options.connections,
    requests: options.leakRequests,
    stallSeconds: options.stallSeconds,
    settleSeconds: options.quick ? 2 : 5,
  });
  log(`memory: RSS ${memory.beforeMB?.toFixed(0)} → peak ${memory.peakMB?.toFixed(0)} → ${memory.afterMB?.toFixed(0)} MB; ` +
    `drained in ${memory.burst.drain.seconds?.toFixed(1) ?? '(incomplete)'} s`);
  phase('memory');

  // The audit reads every execution of both async workflows: ids answered 2xx against rows.
  const audits = {};
  for (const [name, ledger] of Object.entries(ledgers)) {
    audits[name] = audit(await api.listExecutions(ledger.workflow.id), ledger.accepted);
  }
  phase('audit');

  const summaries = {};
  for (const name of order) summaries[name] = summarise(name, bursts[name], { webhook: name === 'async' || name === 'sync' });
  summaries.syncSingle = summarise('sync@1', extra.syncSingle, { webhook: true });
  if (extra.syncAt20) summaries.syncAt20 = summarise('sync@20', extra.syncAt20, { webhook: true });
  summaries.asyncAt50 = summarise('async@50', extra.asyncAt50, { webhook: true });
  const memorySummary = summarise('memory', [memory.burst.result], { webhook: true });
  const syncAt20 = summaries.syncAt20 ?? summaries.sync;

  const combined = ['accepted', 'executions', 'lost', 'duplicates', 'unacknowledged', 'notResolved', 'withoutId', 'acceptedTwice']
    .reduce((acc, key) => ({ ...acc, [key]: audits.async[key] + audits.memory[key] }), {});
  const errorsByTarget = Object.fromEntries(
    [...Object.values(summaries), memorySummary].map((s) => [s.target, s.errors]),
  );
  const errors = Object.values(errorsByTarget).reduce((a, b) => a + b, 0);
  const failures = [];
  if (errors) failures.push(`${errors} request errors (${JSON.stringify(errorsByTarget)})`);
  if (combined.lost) failures.push(`${combined.lost} accepted deliveries without an execution`);
  if (combined.duplicates) failures.push(`${combined.duplicates} duplicate executions`);
  if (combined.notResolved) failures.push(`${combined.notResolved} executions that did not resolve`);
  if (combined.acceptedTwice) failures.push(`the bench reused ${combined.acceptedTwice} ids`);

  const pick = (key) => median(drains.map((d) => d[key]));
  const result = {
    version: 1,
    startedAt: new Date(started).toISOString(),
    options,
    // Other processes on the machine share its two cores; the load average tells if they did.
    environment: {
      db: options.db,
      node: process.versions.node,
      cpus: require('os').cpus().length,
      appStartSeconds: app.startSeconds,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: require('os').loadavg(),
    },
    targets: summaries,
    ratios: {
      asyncToBaseline: ratio(summaries.async.requestsPerSecond.median, summaries.baseline.requestsPerSecond.median),
      syncToBaseline: ratio(summaries.sync.requestsPerSecond.median, summaries.baseline.requestsPerSecond.median),
      baselineToCeiling: ratio(summaries.baseline.requestsPerSecond.median, summaries.ceiling.requestsPerSecond.median),
      asyncToCeiling: ratio(summaries.async.requestsPerSecond.median, summaries.ceiling.requestsPerSecond.median),
      // "No collapse": sync at 20 connections against its own single-connection rate.
      syncToSingleConnection: ratio(syncAt20.requestsPerSecond.median, summaries.syncSingle.requestsPerSecond.median),
      syncAt20ToBaseline: ratio(syncAt20.requestsPerSecond.median, summaries.baseline.requestsPerSecond.median),
    },
    latency: { asyncP99At50Ms: summaries.asyncAt50.latencyMs.p99 },
    drain: {
      executionsPerSecond: pick('executionsPerSecond'),
      seconds: pick('seconds'),
      createdSeconds: pick('createdSeconds'),
      complete: drains.every((d) => d.complete) && at50.drain.complete,
      bursts: drains,
      asyncAt50: at50.drain,
    },
    audit: { ...combined, byWorkflow: audits },
    lost: combined.lost,
    duplicates: combined.duplicates,
    errors,
    errorsByTarget,
    rssGrowthMB: memory.growthMB,
    memory: {
      pid: memory.pid,
      requests: memory.requests,
      beforeMB: memory.beforeMB,
      peakMB: memory.peakMB,
      afterMB: memory.afterMB,
      load: memorySummary,
      drain: memory.burst.drain,
    },
    phaseSeconds,
    totalSeconds: (Date.now() - started) / 1000,
    passed: failures.length === 0,
    failures,
  };
  return { result, app };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const cleanup = createCleanup();
  let result;
  try {
    ({ result } = await measure(options, cleanup));
  } catch (error) {
    console.error(`[bench] failed: ${error.stack ?? error.message}`);
    await cleanup.run();
    process.exit(2);
  }
  const stopStarted = Date.now();
  await cleanup.run();
  result.phaseSeconds.stop = (Date.now() - stopStarted) / 1000;
  result.totalSeconds += result.phaseSeconds.stop;
  console.log(render(result));
  if (options.out) {
    writeJson(options.out, result);
    log(`results written to ${options.out}`);
  }
  process.exit(result.passed ? 0 : 1);
}

main();
