/** The printed table and the JSON file: the same figures, for people and for scripts. */
const fs = require('fs');
const path = require('path');

const fmt = (value, digits = 0) => (value == null || !Number.isFinite(value) ? '–' : value.toFixed(digits));
/** A change in MB with its sign, e.g. "+18.6 MB". */
const signedMB = (value) => `${value != null && value >= 0 ? '+' : ''}${fmt(value, 1)} MB`;

function table(rows, header) {
  const cells = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => String(row[i]).length)));
  const line = (row) =>
    row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function targetRows(targets) {
  return Object.values(targets).map((t) => [
    t.target,
    t.connections,
    t.rounds,
    fmt(t.requestsPerSecond.median),
    `${fmt(t.requestsPerSecond.min)}–${fmt(t.requestsPerSecond.max)}`,
    fmt(t.latencyMs.p50, 1),
    fmt(t.latencyMs.p99, 1),
    fmt(t.latencyMs.max, 0),
    t.non2xx,
    t.errors,
  ]);
}

function render(result) {
  const { ratios, drain, memory, audit } = result;
  const lines = [];
  lines.push(
    `\nWebhook bench — ${result.environment.db}, Node ${result.environment.node}, ${result.environment.cpus} cores, ` +
      `${result.options.duration} s × ${result.options.rounds} rounds per target, ${result.options.bodySize}-byte body`,
  );
  const engine = drain.engineReference;
  const rows = {
    ...result.targets,
    ...(engine ? { engine: { ...engine.load, target: 'engine*', requestsPerSecond: engine.load.itemsPerSecond } } : {}),
  };
  lines.push(
    table(targetRows(rows), [
      'target',
      'conns',
      'rounds',
      'req/s',
      'min–max',
      'p50 ms',
      'p99 ms',
      'max ms',
      'non-2xx',
      'errors',
    ]),
  );
  if (engine) {
    lines.push(
      "engine*: the engine reference's update requests, one per burst; req/s are records updated (runs started) per " +
        'second; not a webhook target, not counted in errors',
    );
  }
  lines.push('');
  lines.push(
    `ratios   async/baseline ${fmt(ratios.asyncToBaseline, 2)}   sync/baseline ${fmt(ratios.syncToBaseline, 2)}   ` +
      `baseline/ceiling ${fmt(ratios.baselineToCeiling, 4)}   sync@${result.targets.sync.connections}/sync@1 ${fmt(ratios.syncToSingleConnection, 2)}`,
  );
  lines.push(
    `         signed/baseline ${fmt(ratios.signedToBaseline, 2)}   signed/async ${fmt(ratios.signedToAsync, 2)} ` +
      '(the async target on a workflow verifying a GitHub signature over every body)',
  );
  if (result.signature) {
    const share = (s) => (s.shareOfAsyncDelivery == null ? '–' : `${(s.shareOfAsyncDelivery * 100).toFixed(2)} %`);
    lines.push(
      `signature verification per delivery (${result.signature.bodyBytes}-byte body, ${result.signature.iterations} runs): ` +
        Object.entries(result.signature.schemes)
          .map(([name, s]) => `${name} ${s.microsecondsPerDelivery.toFixed(1)} µs (${share(s)})`)
          .join(', ') +
        ` of an async delivery's ${fmt(result.signature.asyncDeliveryMs, 2)} ms of core time`,
    );
  }
  lines.push(
    `latency  async p99 at 50 connections ${fmt(result.latency.asyncP99At50Ms, 1)} ms (a burst opening its connections); ` +
      `${fmt(result.latency.sustainedAsyncP99At50Ms, 1)} ms on 50 kept-open connections over ${result.sustained?.requests} requests ` +
      `(${fmt(result.sustained?.requestsPerSecond)} req/s, p50 ${fmt(result.sustained?.latencyMs.p50, 1)} ms)`,
  );
  if (result.paced) {
    lines.push(
      `         at a steady ${result.paced.ratePerSecond} req/s on the same 50 kept-open connections: p50 ` +
        `${fmt(result.paced.latencyMs.p50, 1)} ms, p99 ${fmt(result.latency.pacedAsyncP99At50Ms, 1)} ms (timed from when each was due)`,
    );
  }
  lines.push(
    `drain    ${fmt(drain.executionsPerSecond, 1)} executions/s; after the load stopped: rows all created in ` +
      `${fmt(drain.createdSeconds, 1)} s, all finished in ${fmt(drain.seconds, 1)} s (median over ${drain.bursts.length} async bursts` +
      `${drain.complete ? '' : '; SOME DID NOT FINISH'})`,
  );
  if (engine) {
    lines.push(
      `engine   ${fmt(engine.executionsPerSecond, 1)} executions/s for the same node from NocoBase's collection trigger, ` +
        `${engine.bursts.map((b) => b.executions).join('/')} runs per round; ` +
        `all finished ${fmt(engine.seconds, 1)} s after the load` +
        `${engine.complete ? '' : ' (SOME DID NOT FINISH)'}`,
    );
    lines.push(
      `         webhook drain / engine drain ${fmt(ratios.drainToEngine, 2)} ` +
        `(per round ${engine.perRoundRatio.map((r) => fmt(r, 2)).join(', ')})`,
    );
  }
  lines.push(
    `delivery accepted ${audit.accepted}, executions ${audit.executions}, lost ${result.lost}, duplicates ${result.duplicates}, ` +
      `not resolved ${audit.notResolved}, unacknowledged ${audit.unacknowledged}`,
  );
  if (result.inboxBatches?.commits) {
    const b = result.inboxBatches;
    lines.push(
      `inbox    ${b.deliveries} deliveries stored in ${b.commits} commits: ${fmt(b.perCommit, 1)} a commit, largest batch ${b.largest}`,
    );
  }
  if (result.crash) {
    const c = result.crash;
    lines.push(
      `crash    SIGKILL after ${c.accepted} of ${c.requests} async deliveries answered 2xx; restarted in ${c.restartSeconds.toFixed(1)} s; ` +
        `executions ${c.executions}, lost ${c.lost}, duplicates ${c.duplicates}` +
        (c.recoveredSeconds != null ? `; all run ${c.recoveredSeconds.toFixed(1)} s after the restart began` : ''),
    );
  }
  if (result.overload) {
    const o = result.overload;
    lines.push(
      `overload ${o.connections} concurrent async senders, ${o.requests} requests in ${fmt(o.seconds, 1)} s: ${o.accepted} taken, ` +
        `turned away ${JSON.stringify(o.statusCodes)}, ${o.errors} errors; RSS ${fmt(o.beforeMB)} MB before, peak ${fmt(o.peakMB)} MB, ` +
        `${fmt(o.afterMB)} MB after the drain (${fmt(o.drainSeconds, 1)} s)`,
    );
  }
  if (result.slowNeighbour) {
    const n = result.slowNeighbour;
    const other = (v) =>
      `slow run ${v.slowStatus} after ${v.slowMs} ms, another sync webhook ${v.otherStatuses.join('/')} ` +
      `first in ${v.otherFirstMs} ms, slowest ${v.otherMaxMs} ms`;
    lines.push(
      `slow run one sync run waiting ${n.slowMs} ms on an HTTP call: no execution timeout: ${other(n.withoutTimeout)}`,
    );
    lines.push(`         with an execution timeout of ${n.boundMs} ms: ${other(n.withTimeout)}`);
  }
  lines.push(
    `memory   RSS ${fmt(memory.beforeMB)} MB before ${memory.requests} async requests, peak ${fmt(memory.peakMB)} MB, ` +
      `${fmt(memory.afterMB)} MB once drained → growth ${fmt(result.rssGrowthMB, 1)} MB (drain ${fmt(memory.drain.executionsPerSecond, 1)} executions/s)`,
  );
  if (memory.freshMB != null) {
    lines.push(
      `         fresh app before any load ${fmt(memory.freshMB)} MB; after every phase, drained, ${fmt(memory.afterMB)} MB ` +
        `(${signedMB(memory.afterVsFreshMB)})`,
    );
  }
  if (memory.liveHeap?.growthMB != null) {
    const { fresh, after, growthMB } = memory.liveHeap;
    lines.push(
      `         live heap after a full collection: fresh ${fmt(fresh.heapMB, 1)} MB, after every phase ${fmt(after.heapMB, 1)} MB ` +
        `(${signedMB(growthMB)})`,
    );
  }
  if (memory.requests < 20000) {
    lines.push(
      `         a short phase: its RSS moves with when V8 last collected; the live heap line and --leak-requests 20000 tell a leak`,
    );
  }
  lines.push(
    `time     ${Object.entries(result.phaseSeconds)
      .map(([phase, s]) => `${phase} ${fmt(s)} s`)
      .join(', ')}; total ${fmt(result.totalSeconds)} s`,
  );
  for (const warning of result.warnings ?? []) lines.push(`warning  ${warning}`);
  lines.push(
    result.passed ? 'result   PASS (no errors, nothing lost)' : `result   FAIL: ${result.failures.join('; ')}`,
  );
  return lines.join('\n');
}

function writeJson(file, result) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}

module.exports = { render, writeJson };
