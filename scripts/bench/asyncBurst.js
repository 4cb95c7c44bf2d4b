/**
 * An async burst is load plus its drain: deliveries answered at once keep the app busy after the
 * load stops, so the next target is only measured once they have all run (otherwise their
 * background work would be billed to whatever comes next). Each workflow keeps a ledger of the
 * ids it accepted, for the drain's expected count and the final audit.
 */
const { runLoad } = require('./load');
const { waitForDrain, FINISHED } = require('./drain');

function createLedger(workflow) {
  // `extra`: executions of requests that were in flight when a load stopped and were accepted
  // without the answer being read; the next drain expects them on top of the accepted ones.
  return { workflow, accepted: [], drains: [], extra: 0 };
}

async function asyncBurst({ api, ledger, target, load, stallSeconds }) {
  const before = await api.countExecutions(ledger.workflow.id, { status: FINISHED });
  const lastIdBefore = await api.lastExecutionId(ledger.workflow.id);
  const loadStartedAt = Date.now();
  const result = await runLoad(target, load);
  // The last answer of the load (runLoad times bounded bursts itself), and the same instant on the
  // monotonic clock, for matching it against a CPU profile.
  const loadEndedAt = Math.min(result.endedAt ?? Date.now(), Date.now());
  const loadEndedUs = Number(process.hrtime.bigint() / 1000n) - (Date.now() - loadEndedAt) * 1000;
  // Runs that finished while the load was still on do not count towards the drain's rate.
  const atLoadEnd = await api.countExecutions(ledger.workflow.id, { status: FINISHED });
  ledger.accepted.push(...result.accepted);
  const drain = await waitForDrain(api, ledger.workflow, {
    expected: ledger.accepted.length + ledger.extra,
    loadStartedAt,
    loadEndedAt,
    before,
    atLoadEnd,
    lastIdBefore,
    stallSeconds,
  });
  if (drain.complete) ledger.extra = Math.max(ledger.extra, drain.finished - ledger.accepted.length);
  ledger.drains.push(drain);
  return { result, drain, loadEndedUs };
}

module.exports = { asyncBurst, createLedger };
