import { startTestApp, TestApp } from './helpers/testApp';
import { stalledPost } from './helpers/stalledPost';
import { sleep } from './helpers/waitUntil';
import { createWebhookWorkflow, postJson, waitForExecutions } from './helpers/workflows';

describe('a bounded backlog', () => {
  let testApp: TestApp;
  const settings = {
    WEBHOOK_MAX_BACKLOG: '5',
    WEBHOOK_MAX_CONCURRENT: '3',
    WEBHOOK_INBOX_SWEEP_MS: '600000',
    WEBHOOK_BODY_TIMEOUT_MS: '2000',
  };
  const previous = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    // The backlog is counted when the app starts and by each sweep; with sweeps a long way off,
    // what the test posts is all that changes it.
    Object.assign(process.env, settings);
    testApp = await startTestApp();
  });

  afterAll(async () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await testApp?.stop();
  });

  it('answers 503 with Retry-After once the unstarted deliveries reach the limit, and takes more once they ran', async () => {
    const workflow = await createWebhookWorkflow(testApp, {
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const statuses: number[] = [];
    for (let n = 0; n < 8; n += 1) {
      const response = await postJson(testApp, workflow.key, { n });
      statuses.push(response.status);
      if (response.status === 503) {
        expect(response.headers.get('retry-after')).toBe('30');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 503, 503, 503]);
    await waitForExecutions(testApp, workflow.id, 5);

    // The next count (here: the one at start) sees that they ran: deliveries are taken again.
    await testApp.app.stop();
    await testApp.app.start();
    let status = 0;
    for (const deadline = Date.now() + 10_000; status !== 200 && Date.now() < deadline;) {
      status = (await postJson(testApp, workflow.key, { n: 'later' })).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
  });

  it('answers 503 with Retry-After to requests beyond the concurrent limit, before reading them', async () => {
    const workflow = await createWebhookWorkflow(testApp, {
      sync: true,
      nodes: [{ type: 'response', config: { body: 'ok' } }],
    });
    const slowBody = (seconds: number) =>
      new ReadableStream({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode('{"a":'));
          await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
          controller.enqueue(new TextEncoder().encode('1}'));
          controller.close();
        },
      });
    const send = () =>
      testApp.request(`/api/webhook:trigger/${workflow.key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: slowBody(1),
        duplex: 'half',
      } as RequestInit);
    const responses = await Promise.all(Array.from({ length: 5 }, send));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 503, 503]);
    const refused = responses.find((response) => response.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('1');
  });

  it('cuts off stalled test requests to a disabled workflow, and counts them before reading them', async () => {
    const listened = await createWebhookWorkflow(testApp, { enabled: false });
    const other = await createWebhookWorkflow(testApp);
    await testApp.app.db
      .getModel('webhookListeners')
      .create({ workflowId: listened.id, workflowKey: listened.key, expiresAt: new Date(Date.now() + 120_000) });
    // Every instance reads the listened keys once a second.
    await sleep(1500);
    const path = `/api/webhook:trigger/${listened.key}`;
    const stalled = [
      stalledPost(testApp.baseUrl, path),
      stalledPost(testApp.baseUrl, path),
      stalledPost(testApp.baseUrl, path),
    ];
    await sleep(300);
    const beyond = await stalledPost(testApp.baseUrl, path);
    expect(beyond.status).toBe(503);
    expect(beyond.ms).toBeLessThan(1000);
    const cutOff = await Promise.all(stalled);
    expect(cutOff.map((answer) => answer.status)).toEqual([408, 408, 408]);
    expect((await postJson(testApp, other.key, {})).status).toBe(200);
  });
});
