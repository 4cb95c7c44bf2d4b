/**
 * Sustained overload: far more concurrent async senders than the endpoint takes at once
 * (`WEBHOOK_MAX_CONCURRENT`, 256), for a few thousand requests. What is shown: how many were taken (2xx)
 * and how many were turned away with 503 + Retry-After, that nothing else went wrong, and the
 * app's resident memory before, at its peak and after: bounded whatever the arrival rate, since
 * requests beyond the limit are answered before their bodies are read and the backlog lives in
 * the database. The taken deliveries are drained and audited like every async burst.
 */
const { asyncBurst } = require('./asyncBurst');
const { servingPid } = require('./rss');
const { withRssSampled } = require('./memoryPhase');

async function overloadPhase({ app, api, ledger, target, connections, requests, stallSeconds, settleSeconds }) {
  const pid = servingPid(app.child.pid, app.port);
  const {
    beforeMB,
    peakMB,
    afterMB,
    result: burst,
  } = await withRssSampled(pid, settleSeconds, () =>
    asyncBurst({ api, ledger, target, load: { connections, amount: requests }, stallSeconds }),
  );
  const { result } = burst;
  return {
    connections,
    seconds: result.seconds,
    requests: result.requests,
    accepted: result.accepted.length,
    statusCodes: result.statusCodes,
    errors: result.errors,
    beforeMB,
    peakMB,
    afterMB,
    drain: burst.drain,
    burst,
  };
}

module.exports = { overloadPhase };
