/**
 * Leak check: the serving process's RSS before a long run of async deliveries, during it, and
 * once every delivery has run. Growth that survives the drain is memory the app kept per
 * delivery. "After" is the median over a short quiet window, so one GC-timed sample can't decide it.
 *
 * "Before" follows the earlier phases, and V8 may not have collected their garbage yet (it was
 * 1.2 GB once, against 0.6 GB after the phase), so the RSS of the freshly started app, taken by
 * `freshRss` before any load, is reported too: what the app holds after every phase against what
 * it held before any.
 */
const { asyncBurst } = require('./asyncBurst');
const { servingPid, rssMB } = require('./rss');
const { median } = require('./summary');
const { sleep } = require('./processes');

const SAMPLE_MS = 1000;

async function quietSamples(pid, seconds) {
  const samples = [];
  for (let i = 0; i < seconds; i += 1) {
    samples.push(rssMB(pid));
    await sleep(SAMPLE_MS);
  }
  return samples;
}

/** RSS of a quiet process: the median of one sample a second. */
async function settledRssMB(pid, seconds) {
  return median(await quietSamples(pid, seconds));
}

/** RSS of the serving process before any load: the reference for "after" besides "before". */
function freshRss(app, settleSeconds) {
  return settledRssMB(servingPid(app.child.pid, app.port), settleSeconds);
}

/** Runs `work` with the serving process's RSS settled before and after and sampled in between. */
async function withRssSampled(pid, settleSeconds, work) {
  const beforeMB = await settledRssMB(pid, settleSeconds);
  const samples = [];
  const timer = setInterval(() => samples.push(rssMB(pid)), SAMPLE_MS);
  let result;
  try {
    result = await work();
  } finally {
    clearInterval(timer);
  }
  const afterMB = await settledRssMB(pid, settleSeconds);
  const during = samples.filter((mb) => mb != null);
  return { beforeMB, peakMB: during.length ? Math.max(...during) : null, afterMB, result };
}

async function memoryPhase({ app, api, ledger, target, connections, requests, stallSeconds, settleSeconds }) {
  const pid = servingPid(app.child.pid, app.port);
  const {
    beforeMB,
    peakMB,
    afterMB,
    result: burst,
  } = await withRssSampled(pid, settleSeconds, () =>
    asyncBurst({ api, ledger, target, load: { connections, amount: requests }, stallSeconds }),
  );
  return {
    pid,
    requests,
    beforeMB,
    peakMB,
    afterMB,
    growthMB: beforeMB != null && afterMB != null ? afterMB - beforeMB : null,
    burst,
  };
}

module.exports = { memoryPhase, freshRss, withRssSampled };
