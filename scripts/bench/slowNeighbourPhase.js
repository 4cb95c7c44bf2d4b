/**
 * What one slow synchronous workflow does to the instance's other webhooks, and what its own
 * execution timeout (Advanced options → Timeout settings) changes. A sync workflow whose HTTP
 * request node waits `slowMs` on a slow server is called; while it runs, another sync webhook is
 * called a few times one after the other and its answer times are recorded. Then the same with
 * the slow workflow given an execution timeout of `boundMs`. On SQLite runs take turns, so the
 * other webhook waits for the slow run; on PostgreSQL and MySQL it does not.
 */
const http = require('http');
const { sleep } = require('./processes');

function startSlowServer(slowMs) {
  const server = http.createServer((req, res) => {
    const timer = setTimeout(() => res.end('{"slow":true}'), slowMs);
    res.on('close', () => clearTimeout(timer));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}/slow`, stop: () => server.close() }),
    );
  });
}

async function timedPost(url, body) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** One slow call, and `probes` calls of the other webhook one after the other while it runs. */
async function neighbourDuring(baseUrl, slowKey, otherKey, probes) {
  const slow = timedPost(`${baseUrl}/api/webhook:trigger/${slowKey}`, {});
  await sleep(200); // the slow run has started
  const others = [];
  for (let i = 0; i < probes; i += 1) {
    others.push(
      await timedPost(`${baseUrl}/api/webhook:trigger/${otherKey}`, { order: { id: `slow-neighbour-${i}` } }),
    );
  }
  const slowAnswer = await slow;
  return {
    slowStatus: slowAnswer.status,
    slowMs: Math.round(slowAnswer.ms),
    otherStatuses: [...new Set(others.map((o) => o.status))],
    otherFirstMs: Math.round(others[0].ms),
    otherMaxMs: Math.round(Math.max(...others.map((o) => o.ms))),
  };
}

async function slowNeighbourPhase({ api, baseUrl, otherKey, slowMs = 3000, boundMs = 500, probes = 5 }) {
  const server = await startSlowServer(slowMs);
  try {
    const node = { type: 'request', config: { method: 'GET', url: server.url, timeout: slowMs * 4 } };
    const unbounded = await api.createWorkflow({ title: 'Bench: slow sync', sync: true, node });
    const bounded = await api.createWorkflow({
      title: 'Bench: slow sync with timeout',
      sync: true,
      node,
      options: { timeout: boundMs },
    });
    return {
      slowMs,
      boundMs,
      probes,
      withoutTimeout: await neighbourDuring(baseUrl, unbounded.key, otherKey, probes),
      withTimeout: await neighbourDuring(baseUrl, bounded.key, otherKey, probes),
    };
  } finally {
    server.stop();
  }
}

module.exports = { slowNeighbourPhase };
