/**
 * One burst of load against one target with autocannon, in this process. A target either sends a
 * fixed request, or builds a body per request around a unique id; for those, every answer is
 * matched to its id (one request in flight per connection, so the connection's context holds the
 * id of the request being answered) to know exactly which deliveries were accepted, and an
 * optional check can inspect the answer body (the sync echo). A target with `batch` sends several
 * ids per request (records created in one request for the engine reference); `items` then says how
 * many ids the whole burst sends.
 */
const autocannon = require('autocannon');

let sequence = 0;

/** Ids of equal length (24 characters) keep every body the same size. */
function nextId(prefix) {
  sequence += 1;
  const tail = `${sequence}`.padStart(24 - prefix.length - 1, '0');
  return `${prefix}-${tail}`;
}

function trackedRequest(target, record, items) {
  let left = items ?? Infinity;
  return {
    method: target.method,
    setupRequest(request, context) {
      if (target.batch) {
        const ids = Array.from({ length: Math.max(0, Math.min(target.batch, left)) }, () => nextId(target.idPrefix));
        left -= ids.length;
        context.ids = ids;
        return { ...request, body: target.makeBatch(ids) };
      }
      const id = nextId(target.idPrefix);
      context.ids = [id];
      const body = target.makeBody(id);
      return target.signHeaders
        ? { ...request, body, headers: { ...request.headers, ...target.signHeaders(body) } }
        : { ...request, body };
    },
    onResponse(status, body, context) {
      for (const id of context.ids) record(id, status, body);
    },
  };
}

/**
 * @param target {{ name, url, method?, headers?, body?, makeBody?, makeBatch?, batch?, idPrefix?, check? }}
 * @param load {{ connections, duration?, amount?, items? }}  items: ids in all (batch targets)
 */
function runLoad(target, { connections, duration, amount, items }) {
  if (items) amount = Math.ceil(items / (target.batch || 1));
  const accepted = [];
  const rejected = new Map(); // status → count, for webhook targets
  let mismatches = 0;
  let sampleMismatch = null;
  let lastResponseAt = null;
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
    timeout: target.timeout ?? 10,
    ...(amount ? { amount } : { duration }),
    ...(target.makeBody ? { requests: [trackedRequest(target, record, items)] } : { body: target.body }),
  };
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      // autocannon notices that the last of `amount` requests was answered only at its next
      // one-second sample, so a bounded burst is timed here, up to its last answer.
      const endedAt = amount && lastResponseAt ? lastResponseAt : new Date(result.finish).getTime();
      const seconds =
        amount && lastResponseAt
          ? (endedAt - startedAt) / 1000
          : (new Date(result.finish) - new Date(result.start)) / 1000;
      resolve({
        target: target.name,
        connections,
        seconds,
        endedAt,
        requests: result.requests.total,
        requestsPerSecond: result.requests.total / seconds,
        itemsPerSecond: accepted.length / seconds,
        latency: {
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
          mean: result.latency.average,
        },
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
    instance.on('response', () => {
      lastResponseAt = Date.now();
    });
  });
}

module.exports = { runLoad };
