/**
 * The crash phase: an async burst to a fresh webhook workflow, the app killed with SIGKILL (its
 * whole process group) once half of the burst has been answered, the app started again on the same
 * database, and then every delivery answered 2xx must have exactly one execution: lost and
 * duplicates are counted from the executions, as for the other phases.
 */
const { startApp } = require('./app');
const { createApi } = require('./nocobaseApi');
const { audit, orderIdOf } = require('./audit');
const { waitForDrain, FINISHED } = require('./drain');
const { signalGroup, sleep } = require('./processes');
const { orderBodies } = require('./payload');

async function burstUntilKilled({ app, workflow, requests, connections, killAfter, bodySize }) {
  const accepted = [];
  const bodyFor = orderBodies(bodySize);
  let next = 0;
  let killedAt = null;
  const exited = new Promise((resolve) => app.child.once('exit', resolve));
  const worker = async () => {
    while (next < requests && killedAt == null) {
      const id = `crash-${String(next++).padStart(18, '0')}`;
      try {
        const response = await fetch(`${app.baseUrl}/api/webhook:trigger/${workflow.key}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: bodyFor(id),
        });
        await response.arrayBuffer();
        if (response.ok && killedAt == null) {
          accepted.push(id);
          if (accepted.length === killAfter) {
            killedAt = Date.now();
            signalGroup(app.child, 'SIGKILL');
          }
        }
      } catch {
        // Cut off by the kill: not acknowledged, a real sender would retry it.
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  if (killedAt == null) signalGroup(app.child, 'SIGKILL');
  await exited;
  return accepted;
}

/**
 * @returns {{ app, report }} the restarted app (the caller stops it) and the phase's figures
 */
async function crashPhase({ app, api, database, requests, connections, bodySize, stallSeconds, log }) {
  const workflow = await api.createAsyncWorkflow('Bench: crash');
  const killAfter = Math.max(1, Math.floor(requests / 2));
  const accepted = await burstUntilKilled({ app, workflow, requests, connections, killAfter, bodySize });
  log(`crash: SIGKILL after ${accepted.length} of ${requests} deliveries answered; restarting…`);
  const restartedAt = Date.now();
  const restarted = await startApp({ database, storage: app.storage, heapProbe: false });
  const restartSeconds = (Date.now() - restartedAt) / 1000;
  const api2 = createApi(restarted.baseUrl);
  await api2.signIn();
  const drain = await waitForDrain(api2, workflow, {
    expected: accepted.length,
    loadStartedAt: restartedAt,
    loadEndedAt: restartedAt,
    before: 0,
    stallSeconds,
  });
  await sleep(2000);
  const result = audit(await api2.listExecutions(workflow.id), accepted, orderIdOf);
  log(
    `crash: ${result.accepted} answered 2xx, ${result.executions} executions after the restart, lost ${result.lost}, duplicates ${result.duplicates}`,
  );
  return {
    app: restarted,
    report: { requests, killAfter, restartSeconds, recoveredSeconds: drain.seconds, ...result },
  };
}

module.exports = { crashPhase };
