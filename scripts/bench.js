#!/usr/bin/env node
/**
 * `npm run bench`: how fast the webhook endpoint is next to NocoBase's own API and next to a bare
 * Koa server, on the real app. Targets are measured interleaved over rounds (A B C D A B C D …)
 * so that drift of the machine hits all of them alike. Every async burst is paired with an engine
 * reference: as many runs of the same node started by NocoBase's own collection trigger, drained
 * the same way, so the webhook's drain rate is read against the engine's on the same app. Exits
 * non-zero only when a request errored or a delivery was lost, never because something was slow.
 * See scripts/bench/*.js for each part, and scripts/bench/README.md.
 */
const { parseOptions } = require('./bench/options');
const { startApp } = require('./bench/app');
const { startCeiling } = require('./bench/ceiling');
const { createFreshDatabase, SERVER_DIALECTS } = require('./serverDatabase');
const { createApi } = require('./bench/nocobaseApi');
const { buildTargets, SIGNING_SECRET } = require('./bench/targets');
const { runLoad } = require('./bench/load');
const { asyncBurst, createLedger } = require('./bench/asyncBurst');
const { memoryPhase, freshRss } = require('./bench/memoryPhase');
const { liveHeap } = require('./bench/liveHeap');
const { createEngineReference } = require('./bench/engineReference');
const { audit, orderIdOf, recordIdOf } = require('./bench/audit');
const { summarise, median, ratio } = require('./bench/summary');
const { render, writeJson } = require('./bench/report');
const { crashPhase } = require('./bench/crashPhase');
const { inboxBatches } = require('./bench/inboxBatches');
const { sustainedPhase } = require('./bench/sustainedPhase');
const { signatureCost } = require('./bench/signatureCost');
const { overloadPhase } = require('./bench/overloadPhase');
const { slowNeighbourPhase } = require('./bench/slowNeighbourPhase');

const os = require('os');
const { sleep } = require('./bench/processes');

const log = (message) => console.log(`[bench] ${message}`);
const ENGINE_COLLECTION = 'bench_orders';
const WARMUP_AMOUNT = 100;
const SETTLE_MS = 1000;
const rps = (burst) =>
  `${burst.requestsPerSecond.toFixed(0)} req/s, p99 ${burst.latency.p99} ms` +
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
  if (SERVER_DIALECTS.includes(options.db)) {
    database = await createFreshDatabase(options.db);
    cleanup.add(() => database.drop());
    log(`${options.db} database ${database.name} on ${database.overrides.DB_HOST}:${database.overrides.DB_PORT}`);
  }
  log(`starting NocoBase on ${options.db}…`);
  let app = await startApp({ database: database?.overrides, heapProbe: true });
  const appStartSeconds = app.startSeconds;
  cleanup.add(() => app.stop());
  log(`app ready in ${app.startSeconds.toFixed(1)} s at ${app.baseUrl} (storage ${app.storage})`);
  const ceiling = await startCeiling();
  cleanup.add(() => ceiling.stop());
  phase('start');

  const api = createApi(app.baseUrl);
  await api.signIn();
  const workflows = {
    async: await api.createAsyncWorkflow('Bench: async order'),
    signed: await api.createAsyncWorkflow('Bench: signed order', {
      signature: { preset: 'github', secret: SIGNING_SECRET },
    }),
    sync: await api.createSyncWorkflow('Bench: sync echo'),
    memory: await api.createAsyncWorkflow('Bench: memory check'),
    overload: await api.createAsyncWorkflow('Bench: overload'),
    sustained: await api.createAsyncWorkflow('Bench: sustained'),
    paced: await api.createAsyncWorkflow('Bench: paced'),
    engine: await api.createCollectionWorkflow('Bench: engine reference', ENGINE_COLLECTION),
  };
  const freshMB = await freshRss(app, options.quick ? 2 : 3);
  const freshHeap = await liveHeap(app);
  const targets = buildTargets({ app, ceiling, workflows, bodySize: options.bodySize });
  const reference = createEngineReference({
    api,
    baseUrl: app.baseUrl,
    workflow: workflows.engine,
    bodySize: options.bodySize,
    seedBatch: options.engineBatch,
    settleMs: SETTLE_MS,
    stallSeconds: options.stallSeconds,
  });
  const ledgers = {
    async: createLedger(workflows.async),
    signed: createLedger(workflows.signed),
    memory: createLedger(workflows.memory),
    overload: createLedger(workflows.overload),
    engine: reference.ledger,
  };
  const order = ['baseline', 'async', 'signed', 'sync', 'ceiling'];
  // Targets whose deliveries run: each burst is drained before the next target is measured.
  const runsDeliveries = (name) => name === 'async' || name === 'signed';
  const bursts = Object.fromEntries([...order, 'engine'].map((name) => [name, []]));
  const drains = [];
  const engineDrains = [];
  let engineSeedErrors = 0;

  // A drain starts from a quiet app: the previous burst's runs have all finished; one more
  // second lets whatever the engine does after a run settle too.
  const drained = async (name, load) => {
    await sleep(SETTLE_MS);
    const loadAverage = os.loadavg()[0];
    const out = await asyncBurst({
      api,
      ledger: ledgers[name],
      target: targets[name],
      load,
      stallSeconds: options.stallSeconds,
    });
    out.drain.loadAverage = loadAverage;
    return out;
  };
  const burst = async (name, load) => {
    if (!runsDeliveries(name)) return { result: await runLoad(targets[name], load) };
    const bounded = options.asyncCap ? { connections: load.connections, amount: options.asyncCap } : load;
    return drained(name, bounded);
  };
  // The engine reference gets exactly as many runs as the webhook burst it is paired with had
  // accepted deliveries (it settles between preparing its records and starting them).
  const engineBurst = async (records) => {
    const loadAverage = os.loadavg()[0];
    const out = await reference.burst(records);
    out.drain.loadAverage = loadAverage;
    return out;
  };
  const logDrain = (drain) =>
    `drained in ${drain.seconds?.toFixed(1) ?? '(incomplete)'} s, ` +
    `${drain.executionsPerSecond?.toFixed(1) ?? '–'} executions/s`;

  if (options.warmup > 0) {
    for (const name of order) {
      const warm = { connections: options.connections, duration: options.warmup };
      if (!runsDeliveries(name)) {
        await burst(name, warm);
        continue;
      }
      // Unmeasured: a short async burst and as many records for the engine reference.
      const bounded = options.asyncCap
        ? { connections: options.connections, amount: Math.min(options.asyncCap, WARMUP_AMOUNT) }
        : warm;
      const { result } = await drained(name, bounded);
      if (name === 'async') await engineBurst(result.accepted.length);
    }
    log(
      `warmed up (${options.warmup} s per target${options.asyncCap ? `; async and engine reference ${Math.min(options.asyncCap, WARMUP_AMOUNT)} runs each` : ''})`,
    );
  }
  phase('warmup');

  for (let round = 1; round <= options.rounds; round += 1) {
    for (const name of order) {
      const load = { connections: options.connections, duration: options.duration };
      // The async burst and its engine reference trade places every round, so neither always
      // runs on the larger executions table.
      const engineFirst = name === 'async' && round % 2 === 0;
      let engine = null;
      if (engineFirst) {
        engine = await engineBurst(options.asyncCap || bursts.async.at(-1)?.accepted.length || 1);
      }
      const { result, drain } = await burst(name, load);
      bursts[name].push(result);
      if (drain && name === 'async') drains.push(drain);
      log(`round ${round}/${options.rounds} ${name.padEnd(8)} ${rps(result)}` + (drain ? `; ${logDrain(drain)}` : ''));
      if (name !== 'async') continue;
      engine ??= await engineBurst(result.accepted.length);
      bursts.engine.push(engine.result);
      engineDrains.push(engine.drain);
      engineSeedErrors += engine.seedErrors;
      log(
        `round ${round}/${options.rounds} engine   ${engine.records} runs started by one update; ${logDrain(engine.drain)}` +
          `${engineFirst ? ' (ran first)' : ''}`,
      );
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
  const sustained = await sustainedPhase({
    baseUrl: app.baseUrl,
    api,
    workflow: workflows.sustained,
    connections: 50,
    requests: options.sustainedRequests,
    bodySize: options.bodySize,
    stallSeconds: options.stallSeconds,
  });
  log(
    `async at 50 kept-open connections: ${sustained.requestsPerSecond.toFixed(0)} req/s, p99 ${sustained.latencyMs.p99?.toFixed(1)} ms ` +
      `over ${sustained.requests} requests; drained in ${sustained.drain.seconds?.toFixed(1) ?? '(incomplete)'} s`,
  );
  // The same connections at a steady rate the app keeps up with, as a busy sender sends.
  const paced = await sustainedPhase({
    baseUrl: app.baseUrl,
    api,
    workflow: workflows.paced,
    connections: 50,
    requests: options.sustainedRequests,
    bodySize: options.bodySize,
    stallSeconds: options.stallSeconds,
    ratePerSecond: options.pacedRate,
  });
  log(
    `async at ${options.pacedRate} req/s over 50 kept-open connections: p50 ${paced.latencyMs.p50?.toFixed(1)} ms, ` +
      `p99 ${paced.latencyMs.p99?.toFixed(1)} ms over ${paced.requests} requests`,
  );
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
  log(
    `memory: RSS ${memory.beforeMB?.toFixed(0)} → peak ${memory.peakMB?.toFixed(0)} → ${memory.afterMB?.toFixed(0)} MB; ` +
      `drained in ${memory.burst.drain.seconds?.toFixed(1) ?? '(incomplete)'} s`,
  );
  const afterHeap = await liveHeap(app);
  const heapGrowthMB = freshHeap && afterHeap ? afterHeap.heapMB - freshHeap.heapMB : null;
  if (heapGrowthMB != null) {
    log(
      `memory: live heap after a full collection ${freshHeap.heapMB.toFixed(1)} MB fresh → ${afterHeap.heapMB.toFixed(1)} MB after every phase`,
    );
  }
  phase('memory');

  let overload = null;
  if (options.overloadRequests > 0) {
    log(`overload: ${options.overloadRequests} async requests from 600 concurrent senders…`);
    overload = await overloadPhase({
      app,
      api,
      ledger: ledgers.overload,
      target: {
        ...targets.memory,
        name: 'overload',
        url: targets.memory.url.replace(workflows.memory.key, workflows.overload.key),
        idPrefix: 'v',
      },
      connections: 600,
      requests: options.overloadRequests,
      stallSeconds: options.stallSeconds,
      settleSeconds: options.quick ? 2 : 5,
    });
    log(
      `overload: ${overload.requests} requests, ${overload.accepted} taken, ${JSON.stringify(overload.statusCodes)} turned away; ` +
        `RSS ${overload.beforeMB?.toFixed(0)} → peak ${overload.peakMB?.toFixed(0)} → ${overload.afterMB?.toFixed(0)} MB`,
    );
    phase('overload');
  }

  const slowNeighbour = await slowNeighbourPhase({ api, baseUrl: app.baseUrl, otherKey: workflows.sync.key });
  const neighbourLine = (n) =>
    `slow run answered ${n.slowStatus} in ${n.slowMs} ms; the other webhook ` +
    `${n.otherStatuses.join('/')}, first in ${n.otherFirstMs} ms, slowest ${n.otherMaxMs} ms`;
  log(
    `one slow sync run (${slowNeighbour.slowMs} ms HTTP call), no execution timeout: ${neighbourLine(slowNeighbour.withoutTimeout)}`,
  );
  log(`one slow sync run, execution timeout ${slowNeighbour.boundMs} ms: ${neighbourLine(slowNeighbour.withTimeout)}`);
  phase('slowNeighbour');

  // The audit reads every execution of the async workflows: ids answered 2xx against rows.
  const audits = {};
  for (const [name, ledger] of Object.entries(ledgers)) {
    audits[name] = audit(
      await api.listExecutions(ledger.workflow.id),
      ledger.accepted,
      name === 'engine' ? recordIdOf : orderIdOf,
    );
  }
  const sustainedAudit = audit(await api.listExecutions(workflows.sustained.id), sustained.accepted, orderIdOf);
  const pacedAudit = audit(await api.listExecutions(workflows.paced.id), paced.accepted, orderIdOf);
  phase('audit');

  const batches = inboxBatches(app.storage);

  // Last, because it ends the app: SIGKILL mid-burst, restart on the same database, audit.
  let crash = null;
  if (options.crashRequests > 0) {
    const phaseOut = await crashPhase({
      app,
      api,
      database: database?.overrides,
      requests: options.crashRequests,
      connections: options.connections,
      bodySize: options.bodySize,
      stallSeconds: options.stallSeconds,
      log,
    });
    // The cleanup registered for the first app stops whichever app `app` is by then.
    app = phaseOut.app;
    crash = phaseOut.report;
    phase('crash');
  }

  const summaries = {};
  for (const name of order)
    summaries[name] = summarise(name, bursts[name], { webhook: runsDeliveries(name) || name === 'sync' });
  summaries.syncSingle = summarise('sync@1', extra.syncSingle, { webhook: true });
  if (extra.syncAt20) summaries.syncAt20 = summarise('sync@20', extra.syncAt20, { webhook: true });
  summaries.asyncAt50 = summarise('async@50', extra.asyncAt50, { webhook: true });
  // Record creates of the engine reference: not the plugin's requests, so kept out of `errors`.
  const engineSummary = summarise('engine', bursts.engine, { webhook: true });
  const memorySummary = summarise('memory', [memory.burst.result], { webhook: true });
  const syncAt20 = summaries.syncAt20 ?? summaries.sync;

  const combined = [
    'accepted',
    'executions',
    'lost',
    'duplicates',
    'unacknowledged',
    'notResolved',
    'withoutId',
    'acceptedTwice',
  ].reduce(
    (acc, key) => ({
      ...acc,
      [key]: audits.async[key] + audits.signed[key] + audits.memory[key] + audits.overload[key],
    }),
    {},
  );
  const errorsByTarget = Object.fromEntries(
    [...Object.values(summaries), memorySummary].map((s) => [s.target, s.errors]),
  );
  const errors = Object.values(errorsByTarget).reduce((a, b) => a + b, 0);
  const failures = [];
  if (errors) failures.push(`${errors} request errors (${JSON.stringify(errorsByTarget)})`);
  if (sustained.errors) failures.push(`sustained phase: ${sustained.errors} requests not answered 2xx`);
  const overloadOther = overload ? Object.keys(overload.statusCodes).filter((code) => code !== '503') : [];
  if (overload && (overload.errors || overloadOther.length)) {
    failures.push(
      `overload phase: ${overload.errors} connection errors, answers other than 2xx/503: ${overloadOther.join(', ') || 'none'}`,
    );
  }
  if (sustainedAudit.lost || sustainedAudit.duplicates) {
    failures.push(`sustained phase: ${sustainedAudit.lost} lost, ${sustainedAudit.duplicates} duplicate executions`);
  }
  if (paced.errors) failures.push(`paced phase: ${paced.errors} requests not answered 2xx`);
  if (pacedAudit.lost || pacedAudit.duplicates) {
    failures.push(`paced phase: ${pacedAudit.lost} lost, ${pacedAudit.duplicates} duplicate executions`);
  }
  if (combined.lost) failures.push(`${combined.lost} accepted deliveries without an execution`);
  if (combined.duplicates) failures.push(`${combined.duplicates} duplicate executions`);
  if (combined.notResolved) failures.push(`${combined.notResolved} executions that did not resolve`);
  if (combined.acceptedTwice) failures.push(`the bench reused ${combined.acceptedTwice} ids`);
  if (crash?.lost)
    failures.push(`crash phase: ${crash.lost} deliveries answered 2xx before the kill without an execution`);
  if (crash?.duplicates) failures.push(`crash phase: ${crash.duplicates} duplicate executions`);
  // The reference only qualifies the drain figure; a broken one is reported, not failed on.
  const warnings = [];
  if (engineSummary.errors || engineSeedErrors) {
    warnings.push(
      `engine reference: ${engineSeedErrors} record creates and ${engineSummary.errors} update requests failed`,
    );
  }
  if (!engineDrains.every((d) => d.complete)) warnings.push('engine reference: a drain did not finish');
  if (audits.engine.lost || audits.engine.duplicates) {
    warnings.push(
      `engine reference: ${audits.engine.lost} records without a run, ${audits.engine.duplicates} duplicate runs`,
    );
  }

  const pick = (key, from = drains) => median(from.map((d) => d[key]));
  const engineRate = pick('executionsPerSecond', engineDrains);
  const result = {
    version: 1,
    startedAt: new Date(started).toISOString(),
    options,
    // Other processes on the machine share its two cores; the load average tells if they did.
    environment: {
      db: options.db,
      node: process.versions.node,
      cpus: require('os').cpus().length,
      appStartSeconds,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: require('os').loadavg(),
    },
    targets: summaries,
    ratios: {
      asyncToBaseline: ratio(summaries.async.requestsPerSecond.median, summaries.baseline.requestsPerSecond.median),
      signedToBaseline: ratio(summaries.signed.requestsPerSecond.median, summaries.baseline.requestsPerSecond.median),
      // What verifying a signature over every body costs: 1.00 is nothing, 0.90 is 10 %.
      signedToAsync: ratio(summaries.signed.requestsPerSecond.median, summaries.async.requestsPerSecond.median),
      syncToBaseline: ratio(summaries.sync.requestsPerSecond.median, summaries.baseline.requestsPerSecond.median),
      baselineToCeiling: ratio(summaries.baseline.requestsPerSecond.median, summaries.ceiling.requestsPerSecond.median),
      asyncToCeiling: ratio(summaries.async.requestsPerSecond.median, summaries.ceiling.requestsPerSecond.median),
      // "No collapse": sync at 20 connections against its own single-connection rate.
      syncToSingleConnection: ratio(syncAt20.requestsPerSecond.median, summaries.syncSingle.requestsPerSecond.median),
      syncAt20ToBaseline: ratio(syncAt20.requestsPerSecond.median, summaries.baseline.requestsPerSecond.median),
      // Webhook drain against NocoBase's engine running the same node from its own collection
      // trigger, same number of runs, same concurrency, same app (medians over rounds).
      drainToEngine: ratio(pick('executionsPerSecond'), engineRate),
    },
    latency: {
      asyncP99At50Ms: summaries.asyncAt50.latencyMs.p99,
      sustainedAsyncP99At50Ms: sustained.latencyMs.p99,
      pacedAsyncP99At50Ms: paced.latencyMs.p99,
    },
    // The signed target's rate moves with the machine as much as with verification; this is the
    // verification alone, set beside one async delivery's share of the cores at the measured rate.
    signature: signatureCost({
      bodySize: options.bodySize,
      asyncRequestsPerSecond: summaries.async.requestsPerSecond.median,
      cores: require('os').cpus().length,
    }),
    sustained: { ...sustained, accepted: sustained.accepted.length, audit: sustainedAudit },
    paced: { ...paced, accepted: paced.accepted.length, audit: pacedAudit },
    drain: {
      executionsPerSecond: pick('executionsPerSecond'),
      seconds: pick('seconds'),
      createdSeconds: pick('createdSeconds'),
      complete: drains.every((d) => d.complete) && at50.drain.complete,
      bursts: drains,
      asyncAt50: at50.drain,
      engineReference: {
        workflow: 'collection trigger, after record updated, same calculation node',
        collection: ENGINE_COLLECTION,
        started: 'one update request per burst over as many records as the paired async burst accepted',
        recordsPerBurst: engineDrains.map((d) => d.executions),
        executionsPerSecond: engineRate,
        seconds: pick('seconds', engineDrains),
        createdSeconds: pick('createdSeconds', engineDrains),
        complete: engineDrains.every((d) => d.complete),
        // Pairs of the same round, webhook rate / engine rate.
        perRoundRatio: drains.map((d, i) => ratio(d.executionsPerSecond, engineDrains[i]?.executionsPerSecond)),
        bursts: engineDrains,
        load: engineSummary,
        audit: audits.engine,
      },
    },
    audit: { ...combined, byWorkflow: audits },
    inboxBatches: batches,
    crash,
    lost: combined.lost,
    duplicates: combined.duplicates,
    errors,
    errorsByTarget,
    rssGrowthMB: memory.growthMB,
    liveHeapGrowthMB: heapGrowthMB,
    slowNeighbour,
    overload: overload && {
      connections: overload.connections,
      seconds: overload.seconds,
      requests: overload.requests,
      accepted: overload.accepted,
      statusCodes: overload.statusCodes,
      errors: overload.errors,
      beforeMB: overload.beforeMB,
      peakMB: overload.peakMB,
      afterMB: overload.afterMB,
      drainSeconds: overload.drain?.seconds ?? null,
    },
    memory: {
      pid: memory.pid,
      requests: memory.requests,
      freshMB,
      // Live heap after two full collections (heapProbe.js): fresh app, and after every phase.
      liveHeap: { fresh: freshHeap, after: afterHeap, growthMB: heapGrowthMB },
      afterVsFreshMB: memory.afterMB != null && freshMB != null ? memory.afterMB - freshMB : null,
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
    warnings,
  };
  return { result, app };
}

/**
 * `--db postgres|mysql` with no DB_HOST set: run again under scripts/with-database.sh, which uses
 * the machine's own server or starts a throw-away one (installing it if needed) and sets DB_* for
 * the command it wraps.
 */
async function underDatabaseServer(dialect) {
  const path = require('path');
  const { spawn } = require('child_process');
  log(`no DB_HOST: running under scripts/with-database.sh ${dialect}`);
  const script = path.join(__dirname, 'with-database.sh');
  const child = spawn('bash', [script, dialect, process.execPath, __filename, ...process.argv.slice(2)], {
    env: process.env,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 2)));
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (SERVER_DIALECTS.includes(options.db) && !process.env.DB_HOST) {
    await underDatabaseServer(options.db);
    return;
  }
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
