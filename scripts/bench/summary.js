/**
 * Turns the raw bursts into per-target figures: requests/s as median and range over rounds,
 * latency as the median of each round's p50 and p99 and the worst max, and counts summed.
 */
function median(values) {
  const sorted = values.filter((v) => v != null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function range(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), perRound: values };
}

/**
 * @param bursts  runLoad results of one target (its measured rounds)
 * @param webhook whether non-2xx answers and echo mismatches count as errors
 */
function summarise(name, bursts, { webhook }) {
  const rates = bursts.map((b) => b.requestsPerSecond);
  const sum = (pick) => bursts.reduce((total, b) => total + pick(b), 0);
  const statusCodes = {};
  for (const burst of bursts) {
    for (const [status, count] of Object.entries(burst.statusCodes))
      statusCodes[status] = (statusCodes[status] ?? 0) + count;
  }
  const non2xx = sum((b) => b.non2xx);
  const connectionErrors = sum((b) => b.errors);
  const mismatches = sum((b) => b.mismatches);
  return {
    target: name,
    connections: bursts[0]?.connections ?? null,
    rounds: bursts.length,
    requests: sum((b) => b.requests),
    requestsPerSecond: range(rates),
    // Ids per second: differs from requests only for a target sending several per request.
    itemsPerSecond: range(bursts.map((b) => b.itemsPerSecond)),
    latencyMs: {
      p50: median(bursts.map((b) => b.latency.p50)),
      p99: median(bursts.map((b) => b.latency.p99)),
      max: Math.max(...bursts.map((b) => b.latency.max)),
    },
    non2xx,
    statusCodes,
    connectionErrors, // includes timeouts
    timeouts: sum((b) => b.timeouts),
    echoMismatches: mismatches,
    sampleMismatch: bursts.find((b) => b.sampleMismatch)?.sampleMismatch ?? null,
    errors: connectionErrors + (webhook ? non2xx + mismatches : 0),
  };
}

function ratio(a, b) {
  return a != null && b ? a / b : null;
}

module.exports = { summarise, median, ratio };
