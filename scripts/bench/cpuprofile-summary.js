#!/usr/bin/env node
/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per file or
 * package, and inclusive time per function (time with the function anywhere on the stack), for
 * the samples inside an optional time window. Windows use the profile's own clock (CLOCK_MONOTONIC
 * microseconds, the clock of process.hrtime), so another process can mark "load started/ended".
 *
 *   node scripts/bench/cpuprofile-summary.js FILE [--from US] [--to US] [--top N] [--match TEXT]
 * --match limits the inclusive table to functions whose name or file contains TEXT.
 */
const fs = require('fs');
const path = require('path');

function loadProfile(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Sample i happened at startTime + sum(timeDeltas[0..i]); it costs the gap to the next one.
  const times = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  return { profile, nodes, parent, times };
}

/** Where a function lives: "pkg:<name>" inside node_modules, the path below the repo otherwise. */
function placeOf(url) {
  if (!url) return '(native/V8)';
  const clean = url.replace(/^file:\/\//, '');
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(clean);
  if (match) return `${match[1]}/${match[2]}`;
  if (clean.startsWith('node:')) return clean;
  return path.relative(process.cwd(), clean) || clean;
}

function packageOf(url) {
  const place = placeOf(url);
  const match = /^((?:@[^/]+\/)?[^/]+)\//.exec(place);
  if (place.startsWith('node:') || place.startsWith('(')) return place.startsWith('node:') ? 'node (built-in)' : place;
  return match && url.includes('node_modules') ? match[1] : place;
}

function label(node) {
  const frame = node.callFrame;
  return `${frame.functionName || '(anonymous)'} ${placeOf(frame.url)}:${frame.lineNumber + 1}`;
}

function summarise(file, { from = -Infinity, to = Infinity } = {}) {
  const { profile, nodes, parent, times } = loadProfile(file);
  const self = new Map();
  const selfByPackage = new Map();
  const inclusive = new Map();
  let total = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    if (times[i] < from || times[i] > to) continue;
    const cost = (times[i + 1] ?? times[i]) - times[i];
    const node = nodes.get(profile.samples[i]);
    const name = node.callFrame.functionName;
    total += cost;
    if (name === '(idle)') idle += cost;
    const key = label(node);
    self.set(key, (self.get(key) ?? 0) + cost);
    const pkg = packageOf(node.callFrame.url);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + cost);
    const seen = new Set();
    for (let id = node.id; id != null; id = parent.get(id)) {
      const frameKey = label(nodes.get(id));
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      inclusive.set(frameKey, (inclusive.get(frameKey) ?? 0) + cost);
    }
  }
  return { totalUs: total, idleUs: idle, busyUs: total - idle, self, selfByPackage, inclusive };
}

function top(map, n, filter = () => true) {
  return [...map.entries()]
    .filter(([key]) => filter(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}

function print(summary, { topN = 25, match = null } = {}) {
  const busy = summary.busyUs || 1;
  const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  console.log(
    `window ${(summary.totalUs / 1e6).toFixed(1)} s, busy ${(summary.busyUs / 1e6).toFixed(1)} s, idle ${(summary.idleUs / 1e6).toFixed(1)} s (percentages are of busy time)`,
  );
  console.log('\nself time by package/file');
  for (const [key, us] of top(summary.selfByPackage, topN)) console.log(`${ms(us)} ${pct(us)}  ${key}`);
  console.log('\nself time by function');
  for (const [key, us] of top(summary.self, topN)) console.log(`${ms(us)} ${pct(us)}  ${key}`);
  console.log(`\ninclusive time by function${match ? ` (matching "${match}")` : ''}`);
  const filter = match ? (key) => key.toLowerCase().includes(match.toLowerCase()) : () => true;
  for (const [key, us] of top(summary.inclusive, topN, filter)) console.log(`${ms(us)} ${pct(us)}  ${key}`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flags = {};
  const positional = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i].startsWith('--')) flags[args[i]] = args[++i];
    else positional.push(args[i]);
  }
  const file = positional[0];
  const value = (flag) => flags[flag];
  if (!file) {
    console.error('usage: cpuprofile-summary.js FILE [--from US] [--to US] [--top N] [--match TEXT]');
    process.exit(2);
  }
  const summary = summarise(file, {
    from: Number(value('--from') ?? -Infinity),
    to: Number(value('--to') ?? Infinity),
  });
  print(summary, { topN: Number(value('--top') ?? 25), match: value('--match') ?? null });
}

module.exports = { summarise, print };
