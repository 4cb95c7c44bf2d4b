import { keyHash } from '../../http/DeliveryLog';
import { basicAuth, createWebhookWorkflow, postJson, waitForExecutions } from '../../__tests__/helpers/workflows';
import { useTestApp } from '../../__tests__/helpers/testApp';
import { NO_WORKFLOW } from '../WebhookMetrics';
import { CollectingReader, pointsOf, sampleCounts } from './collectingReader';

const READER = 'webhook-test';

describe('the operators’ metrics, read from the app’s telemetry', () => {
  let reader: CollectingReader | undefined;
  const current = useTestApp(async ({ app }) => {
    // What a reader plugin does (NocoBase registers readers before its telemetry starts, in
    // beforeLoad), then a restart, so that the telemetry starts with the reader and the plugin loads
    // its instruments on that meter.
    app.options.telemetry = { enabled: true, metric: { readerName: READER } };
    app.on('beforeLoad', () => {
      app.telemetry.metric.registerReader(READER, () => (reader = new CollectingReader()));
    });
    await app.restart();
  });

  it('counts accepted, refused and duplicate deliveries, times the accepted ones and reports the backlog', async () => {
    const auth = basicAuth('hook', 'secret');
    const async = await createWebhookWorkflow(current(), {
      config: {
        auth: { type: 'basic', username: 'hook', password: 'secret' },
        idempotency: { header: 'Idempotency-Key' },
      },
    });
    const sync = await createWebhookWorkflow(current(), { sync: true });
    const send = (key: string, headers: Record<string, string> = {}) => postJson(current(), key, {}, { headers });

    expect((await send(async.key, { Authorization: auth, 'Idempotency-Key': 'one' })).status).toBe(200);
    expect((await send(async.key, { Authorization: auth, 'Idempotency-Key': 'one' })).status).toBe(200);
    expect((await send(async.key, { Authorization: auth, 'Idempotency-Key': 'two' })).status).toBe(200);
    expect((await send(async.key, { Authorization: basicAuth('hook', 'guessed') })).status).toBe(401);
    expect((await send(sync.key)).status).toBe(200);
    expect((await send('no-such-workflow')).status).toBe(404);
    await waitForExecutions(current(), async.id, 2);

    expect(reader).toBeDefined();
    const metrics = await reader!.metrics();
    const asyncHash = keyHash(async.key);
    const syncHash = keyHash(sync.key);
    expect(pointsOf(metrics, 'webhook_deliveries_total')).toEqual(
      expect.arrayContaining([
        { attributes: { workflow: asyncHash, outcome: 'accepted', status_class: '2xx' }, value: 2 },
        { attributes: { workflow: asyncHash, outcome: 'duplicate', status_class: '2xx' }, value: 1 },
        { attributes: { workflow: asyncHash, outcome: 'refused', status_class: '4xx' }, value: 1 },
        { attributes: { workflow: syncHash, outcome: 'accepted', status_class: '2xx' }, value: 1 },
        { attributes: { workflow: NO_WORKFLOW, outcome: 'refused', status_class: '4xx' }, value: 1 },
      ]),
    );
    expect(pointsOf(metrics, 'webhook_deliveries_total')).toHaveLength(5);

    // Only accepted deliveries are timed: the duplicate and the refusals add no sample.
    expect(sampleCounts(metrics, 'webhook_answer_duration_ms')).toEqual(
      expect.arrayContaining([
        { attributes: { workflow: asyncHash, mode: 'async' }, count: 2 },
        { attributes: { workflow: syncHash, mode: 'sync' }, count: 1 },
      ]),
    );
    expect(sampleCounts(metrics, 'webhook_answer_duration_ms')).toHaveLength(2);

    const [backlog] = pointsOf(metrics, 'webhook_inbox_backlog');
    expect(backlog.value).toEqual(expect.any(Number));
    expect(backlog.value).toBeGreaterThanOrEqual(0);

    // A workflow's key is its URL's credential: no attribute repeats it.
    const everything = JSON.stringify(metrics);
    expect(everything).not.toContain(async.key);
    expect(everything).not.toContain(sync.key);
    expect(everything).not.toContain('no-such-workflow');
  });
});
