/**
 * The engine reference: NocoBase's workflow engine running the same one-node workflow as the
 * async webhook target, started by its own collection trigger, with no webhook code on the way.
 *
 * The workflow runs "after a record is updated" (mode 2 of the collection trigger). A burst of N
 * runs is prepared unmeasured, by creating N records (the same order object as the webhook body
 * in the json field `payload`, the request id in `orderId`, a label of the burst), and then
 * started by one `<collection>:update` request filtered on that label: one transaction, N trigger
 * events, all handed to the engine when it commits. Each run's context is the updated record, of
 * the shape and size of a webhook run's (`{ data: { …, payload: <order> } }` against
 * `{ method, headers, query, body: <order> }`). The drain after that request is timed exactly
 * like a webhook burst's.
 *
 * Why not create the records at the webhook's concurrency with "after record created": NocoBase's
 * create action cannot take concurrent writes on SQLite (they fail with SQLITE_BUSY after the busy
 * timeout); records created one per request cost far more CPU than webhook deliveries and would
 * overlap the engine's window; and one create request with many json records slows down with the
 * square of their number in NocoBase. The update request costs little and runs before any run.
 */
const { orderBodies } = require('./payload');
const { runLoad } = require('./load');
const { asyncBurst, createLedger } = require('./asyncBurst');
const { sleep } = require('./processes');

const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * @param api        from nocobaseApi.createApi, signed in
 * @param baseUrl    the app's
 * @param workflow   from api.createCollectionWorkflow
 * @param bodySize   bytes of the order JSON, as for the webhook targets
 * @param seedBatch  records per create request while preparing a burst
 * @param settleMs   pause between preparing a burst and starting it
 */
function createEngineReference({ api, baseUrl, workflow, bodySize, seedBatch = 50, settleMs = 1000, stallSeconds }) {
  const makeBody = orderBodies(bodySize);
  const headers = { ...JSON_HEADERS, ...api.authHeaders() };
  const ledger = createLedger(workflow);
  let count = 0;

  async function burst(records) {
    count += 1;
    const label = `burst-${count}`;
    const makeRecord = (id) => `{"orderId":"${id}","label":"${label}","payload":${makeBody(id)}}`;
    const seed = await runLoad(
      {
        name: 'engine seed',
        url: `${baseUrl}/api/${workflow.collection}:create`,
        method: 'POST',
        headers,
        makeBody: makeRecord,
        batch: seedBatch,
        makeBatch: (ids) => `[${ids.map(makeRecord).join(',')}]`,
        idPrefix: 'e',
        timeout: 300,
      },
      { connections: 1, items: Math.max(1, records) },
    );
    ledger.accepted.push(...seed.accepted);
    await sleep(settleMs);
    const filter = encodeURIComponent(JSON.stringify({ label }));
    const out = await asyncBurst({
      api,
      ledger,
      target: {
        name: 'engine',
        url: `${baseUrl}/api/${workflow.collection}:update?filter=${filter}`,
        method: 'POST',
        headers,
        body: '{"state":"go"}',
        timeout: 300,
      },
      load: { connections: 1, amount: 1 },
      stallSeconds,
    });
    // Records updated (runs started) per second of the update request.
    out.result.itemsPerSecond = out.result.ok ? seed.accepted.length / out.result.seconds : 0;
    out.records = seed.accepted.length;
    out.seedErrors = seed.errors + seed.non2xx;
    return out;
  }

  return { ledger, burst };
}

module.exports = { createEngineReference };
