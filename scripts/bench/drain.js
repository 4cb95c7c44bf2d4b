/**
 * Waits until every accepted async delivery of a workflow has a finished execution row, and times
 * it. Only execution rows are read (over the HTTP API), so it measures what a user sees, however
 * the plugin hands deliveries to the engine. A slow engine only makes this take longer; it gives
 * up only after `stallSeconds` without any progress, and then the audit counts what is missing.
 */
const { sleep } = require('./processes');

const POLL_MS = 500;
// Every status but QUEUEING (null) and STARTED (0): resolved, failed, error, aborted, …
const FINISHED = { $in: [1, -1, -2, -3, -4, -5, -6] };

/**
 * @param api       from nocobaseApi.createApi
 * @param workflow  { id }
 * @param expected  executions the workflow must have in total once drained (all accepted so far)
 * @param loadStartedAt, loadEndedAt  ms timestamps of the async load being drained
 * @param before    finished count before that load began
 */
async function waitForDrain(api, workflow, { expected, loadStartedAt, loadEndedAt, before, stallSeconds }) {
  let createdAt = null;
  let finished = 0;
  let total = 0;
  let lastChange = Date.now();
  let last = '';
  for (;;) {
    [total, finished] = await Promise.all([
      api.countExecutions(workflow.id),
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
  const doneAt = Date.now();
  const complete = finished >= expected;
  const ran = finished - before;
  const windowSeconds = (doneAt - loadStartedAt) / 1000;
  return {
    complete,
    expected,
    executions: ran,
    finished,
    pending: Math.max(0, expected - finished),
    // Seconds after the load stopped until every row existed / until every run had finished.
    createdSeconds: createdAt == null ? null : Math.max(0, (createdAt - loadEndedAt) / 1000),
    seconds: complete ? Math.max(0, (doneAt - loadEndedAt) / 1000) : null,
    // Runs finished per second from the first request of the load to the last run: the engine's
    // throughput for webhook deliveries while it was fed as fast as the endpoint accepted them.
    executionsPerSecond: complete && windowSeconds > 0 ? ran / windowSeconds : null,
  };
}

module.exports = { waitForDrain };
