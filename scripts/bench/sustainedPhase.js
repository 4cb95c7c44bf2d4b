/**
 * The async p99 as a sender that keeps its connections sees it: 50 keep-alive connections are
 * opened first (one untimed request each), then `requests` deliveries go out over exactly those
 * connections and only they are timed. Connection set-up, which the cold-connect burst (async@50)
 * includes, is left out. Each accepted delivery is audited like the others.
 *
 * Without `ratePerSecond` every connection sends its next delivery as soon as the last one is
 * answered: the app is saturated, and the latency is mostly the queue (50 / throughput). With it,
 * deliveries are due at that steady rate and each is timed from when it was due, so a delivery
 * held up behind a slow answer counts its wait too (no coordinated omission).
 */
const http = require('http');
const { orderBodies } = require('./payload');
const { waitForDrain } = require('./drain');

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function post(agent, url, body) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
        );
      },
    );
    request.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    request.end(body);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function sustainedPhase({
  baseUrl,
  api,
  workflow,
  connections,
  requests,
  bodySize,
  stallSeconds,
  ratePerSecond = null,
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = `${baseUrl}/api/webhook:trigger/${workflow.key}`;
  const bodyFor = orderBodies(bodySize);
  const accepted = [];
  let errors = 0;
  let sent = 0;
  const send = async (id, timed, latencies, dueAt = null) => {
    const { status, ms } = await post(agent, url, bodyFor(id));
    if (status >= 200 && status < 300) accepted.push(id);
    else errors += 1;
    // Paced: from when it was due, which is earlier than the send when no connection was free.
    if (timed) latencies.push(dueAt == null ? ms : Date.now() - dueAt);
  };
  // Every connection opened and used once before timing starts.
  await Promise.all(
    Array.from({ length: connections }, (_, i) => send(`sustain-w-${String(i).padStart(15, '0')}`, false)),
  );
  const latencies = [];
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (sent < requests) {
        const n = sent++;
        const dueAt = ratePerSecond ? startedAt + (n * 1000) / ratePerSecond : null;
        if (dueAt != null && dueAt > Date.now()) await sleep(dueAt - Date.now());
        const id = ratePerSecond ? `paced-${String(n).padStart(19, '0')}` : `sustain-${String(n).padStart(17, '0')}`;
        await send(id, true, latencies, dueAt);
      }
    }),
  );
  const seconds = (Date.now() - startedAt) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const drain = await waitForDrain(api, workflow, {
    expected: accepted.length,
    loadStartedAt: startedAt,
    loadEndedAt: Date.now(),
    before: 0,
    stallSeconds,
  });
  return {
    connections,
    ratePerSecond,
    requests,
    requestsPerSecond: requests / seconds,
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? null },
    errors,
    accepted,
    drain,
  };
}

module.exports = { sustainedPhase };
