/**
 * Nothing lost, nothing twice: every request answered 2xx must have exactly one execution whose
 * `context.body.order.id` is that request's id. Executions for ids that were sent but never
 * answered (the load generator stops waiting for requests in flight when a phase ends, yet the
 * server may still accept them) are counted apart, as `unacknowledged`; they are not errors.
 */
function orderIdOf(execution) {
  return execution?.context?.body?.order?.id ?? null;
}

/** The engine reference's runs carry the created record, whose `orderId` is the request's id. */
function recordIdOf(execution) {
  return execution?.context?.data?.orderId ?? null;
}

/**
 * @param executions  rows with { status, context }
 * @param accepted    ids answered 2xx
 * @param idOf        where a run keeps its request's id
 */
function audit(executions, accepted, idOf = orderIdOf) {
  const seen = new Map();
  let failed = 0;
  let withoutId = 0;
  for (const execution of executions) {
    const id = idOf(execution);
    if (id == null) {
      withoutId += 1;
      continue;
    }
    seen.set(id, (seen.get(id) ?? 0) + 1);
    if (execution.status !== 1) failed += 1;
  }
  const acceptedSet = new Set(accepted);
  let lost = 0;
  const lostSample = [];
  for (const id of acceptedSet) {
    if (!seen.has(id)) {
      lost += 1;
      if (lostSample.length < 5) lostSample.push(id);
    }
  }
  let duplicates = 0;
  let unacknowledged = 0;
  for (const [id, count] of seen) {
    duplicates += count - 1;
    if (!acceptedSet.has(id)) unacknowledged += 1;
  }
  return {
    accepted: accepted.length,
    acceptedTwice: accepted.length - acceptedSet.size, // the bench's own id reuse; must be 0
    executions: executions.length,
    lost,
    lostSample,
    duplicates,
    unacknowledged,
    notResolved: failed,
    withoutId,
  };
}

module.exports = { audit, orderIdOf, recordIdOf };
