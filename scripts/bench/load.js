/**
 * One burst of load against one target with autocannon, in this process. A target either sends a
 * fixed request, or builds a body per request around a unique id; for those, every answer is
 * matched to its id (one request in flight per connection, so the connection's context holds the
 * id of the request being answered) to know exactly which deliveries were accepted, and an
 * optional check can inspect the answer body (the sync echo).
 */
const autocannon = require('autocannon');

let sequence = 0;

/** Ids of equal length (24 characters) keep every body the same size. */
function nextId(prefix) {
  sequence += 1;
  const tail = `${sequence}`.padStart(24 - prefix.length - 1, '0');
  return `${prefix}-${tail}`;
}

function trackedRequest(target, record) {
  return {
    method: target.method,
    setupRequest(request, context) {
      const id = nextId(target.idPrefix);
      context.id = id;
      return { ...request, body: target.makeBody(id) };
    },
    onResponse(status, body, context) {
      record(context.id, status, body);
    },
  };
}

/**
 * @param target {{ name, url, method?, headers?, body?, makeBody?, idPrefix?, check? }}
 * @param load {{ connections, duration?, amount? }}
 */
function runLoad(target, { connections, duration, amount }) {
  const accepted = [];
  const rejected = new Map(); // status → count, for webhook targets
  let mismatches = 0;
  let sampleMismatch = null;
  const record = (id, status, body) => {
    if (status >= 200 && status < 300) {
      accepted.push(id);
      if (target.check && !target.check(id, body)) {
        mismatches += 1;
        sampleMismatch ??= { id, body: String(body).slice(0, 200) };
      }
    } else {
      rejected.set(status, (rejected.get(status) ?? 0) + 1);
    }
  };
  const options = {
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers ?? {},
    connections,
    pipelining: 1,
    timeout: 10,
    ...(amount ? { amount } : { duration }),
    ...(target.makeBody ? { requests: [trackedRequest(target, record)] } : { body: target.body }),
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      const seconds = (new Date(result.finish) - new Date(result.start)) / 1000;
      resolve({
        target: target.name,
        connections,
        seconds,
        requests: result.requests.total,
        requestsPerSecond: result.requests.total / seconds,
        latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
        ok: result['2xx'],
        non2xx: result.non2xx,
        statusCodes: Object.fromEntries(rejected),
        errors: result.errors, // connection errors and timeouts
        timeouts: result.timeouts,
        mismatches,
        sampleMismatch,
        accepted,
      });
    });
    // Without a listener autocannon keeps its own progress output quiet.
    instance.on('error', reject);
  });
}

module.exports = { runLoad };
