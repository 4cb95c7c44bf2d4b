/**
 * Sustained overload: far more concurrent async senders than the endpoint takes at once
 * (`WEBHOOK_MAX_CONCURRENT`, 256), for a few seconds. What is shown: how many were taken (2xx)
 * and how many were turned away with 503 + Retry-After, that nothing else went wrong, and the
 * app's resident memory before, at its peak and after: bounded whatever the arrival rate, since
 * requests beyond the limit are answered before their bodies are read and the backlog lives in
 * the database. The taken deliveries are drained and audited like every async burst.
 */
const { asyncBurst } = require('./asyncBurst');
const { servingPid, rssMB } = require('./rss');
const { settledRssMB } = require('./memoryPhase');

const SAMPLE_MS = 500;

async function overloadPhase({ app, api, ledger, target, connections, seconds, stallSeconds, settleSeconds }) {
  const pid = servingPid(app.child.pid, app.port);
  const beforeMB = await settledRssMB(pid, settleSeconds);
  const samples = [];
  const timer = setInterval(() => samples.push(rssMB(pid)), SAMPLE_MS);
  let burst;
  try {
    burst = await asyncBurst({ api, ledger, target, load: { connections, duration: seconds }, stallSeconds });
  } finally {
    clearInterval(timer);
  }
  const afterMB = await settledRssMB(pid, settleSeconds);
  const during = samples.filter((mb) => mb != null);
  const { result } = burst;
  return {
    connections,
    seconds,
    requests: result.requests,
    accepted: result.accepted.length,
    statusCodes: result.statusCodes,
    errors: result.errors,
    beforeMB,
    peakMB: during.length ? Math.max(...during) : null,
    afterMB,
    drain: burst.drain,
    burst,
  };
}

module.exports = { overloadPhase };
