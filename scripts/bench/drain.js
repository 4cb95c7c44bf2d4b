/**
 * Waits until every accepted async delivery of a workflow has a finished execution row, and times
 * it. Only execution rows are read (over the HTTP API), so it measures what a user sees, however
 * the plugin hands deliveries to the engine. A slow engine only makes this take longer; it gives
 * up only after `stallSeconds` without any progress, and then the audit counts what is missing.
 *
 * Times come from the rows themselves (same machine, same clock), not from the polls that saw
 * them: the end is the `updatedAt` of the run that finished last, and the engine's window starts
 * at the `createdAt` of the burst's first execution, or when the load stopped if that is earlier
 * (so runs held back until after the load are not excused). Runs per second of that window is the
 * rate the engine worked the burst off at, whoever fed it and however long the feeding took.
 */
const { sleep } = require('./processes');

// Every poll is a request the app serves beside the engine's work, so polls are sparse; the
// figures come from the rows' own timestamps, not from when a poll saw them.
const POLL_MS = 1000;
// Every status but QUEUEING (null) and STARTED (0): resolved, failed, error, aborted, …
const FINISHED = { $in: [1, -1, -2, -3, -4, -5, -6] };

/**
 * @param api       from nocobaseApi.createApi
 * @param workflow  { id }
 * @param expected  executions the workflow must have in total once drained (all accepted so far)
 * @param loadStartedAt, loadEndedAt  ms timestamps of the async load being drained
 * @param before    finished count before that load began
 * @param atLoadEnd finished count right after it stopped
 * @param lastIdBefore  the workflow's newest execution id before that load began
 */
async function waitForDrain(
  api,
  workflow,
  { expected, loadStartedAt, loadEndedAt, before, atLoadEnd = before, lastIdBefore = null, stallSeconds },
) {
  let createdAt = null;
  let finished = 0;
  let total = 0;
  let lastChange = Date.now();
  let last = '';
  for (;;) {
    // All rows created is only looked for until it happened.
    [total, finished] = await Promise.all([
      createdAt == null ? api.countExecutions(workflow.id) : total,
      api.countExecutions(workflow.id, { status: FINISHED }),
    ]);
    const now = Date.now();
    if (createdAt == null && total >= expected) createdAt = now;
    if (finished >= expected) break;
    const state = `${total}/${finished}`;
    if (state !== last) {
      last = state;
      lastChange = now;
    } else if (now - lastChange > stallSeconds * 1000) {
      break;
    }
    await sleep(POLL_MS);
  }
  const seenAt = Date.now();
  const complete = finished >= expected;
  const lastAt = complete ? await api.lastFinishedAt(workflow.id, FINISHED) : null;
  const doneAt = lastAt != null && lastAt >= loadStartedAt && lastAt <= seenAt ? lastAt : seenAt;
  const firstAt = complete ? await api.firstCreatedAt(workflow.id, lastIdBefore) : null;
  const lastCreatedAt = complete ? await api.lastCreatedAt(workflow.id) : null;
  const allCreatedAt = lastCreatedAt != null && lastCreatedAt <= seenAt ? lastCreatedAt : createdAt;
  const engineFrom = firstAt == null ? loadEndedAt : Math.min(Math.max(firstAt, loadStartedAt), loadEndedAt);
  const ran = finished - before;
  const afterLoad = finished - atLoadEnd;
  const seconds = complete ? Math.max(0, (doneAt - loadEndedAt) / 1000) : null;
  const engineSeconds = complete ? Math.max(0, (doneAt - engineFrom) / 1000) : null;
  const fromStartSeconds = (doneAt - loadStartedAt) / 1000;
  const perSecond = (count, window) => (complete && window > 0 && count > 0 ? count / window : null);
  return {
    complete,
    expected,
    executions: ran,
    // Of those, finished once the load had stopped.
    executionsAfterLoad: afterLoad,
    finished,
    pending: Math.max(0, expected - finished),
    loadSeconds: (loadEndedAt - loadStartedAt) / 1000,
    // Seconds after the load stopped until every row existed / until every run had finished.
    createdSeconds: allCreatedAt == null ? null : Math.max(0, (allCreatedAt - loadEndedAt) / 1000),
    seconds,
    // The drain rate: this burst's runs per second of the engine's window (see above).
    executionsPerSecond: perSecond(ran, engineSeconds),
    engineSeconds,
    // The same runs over other windows, for comparison: from the load's end (runs finished after
    // it), and from the load's first request.
    executionsPerSecondAfterLoad: perSecond(afterLoad, seconds),
    executionsPerSecondFromLoadStart: perSecond(ran, fromStartSeconds),
  };
}

module.exports = { waitForDrain, FINISHED };
