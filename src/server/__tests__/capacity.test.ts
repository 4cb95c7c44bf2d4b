import { startTestApp, TestApp } from './helpers/testApp';
import { createWebhookWorkflow, postJson, waitForExecutions } from './helpers/workflows';

describe('a bounded backlog', () => {
  let testApp: TestApp;
  const previous = { backlog: process.env.WEBHOOK_MAX_BACKLOG, concurrent: process.env.WEBHOOK_MAX_CONCURRENT };

  beforeAll(async () => {
    process.env.WEBHOOK_MAX_BACKLOG = '5';
    process.env.WEBHOOK_MAX_CONCURRENT = '3';
    testApp = await startTestApp();
  });

  afterAll(async () => {
    process.env.WEBHOOK_MAX_BACKLOG = previous.backlog;
    process.env.WEBHOOK_MAX_CONCURRENT = previous.concurrent;
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
    // However fast the engine, the count of stored deliveries is only renewed by the next sweep.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(5);
    expect(statuses.slice(5)).toEqual([503, 503, 503]);
    await waitForExecutions(testApp, workflow.id, 5);

    // The sweeper records the runs and counts again (every 2 s): deliveries are taken again.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect((await postJson(testApp, workflow.key, { n: 'later' })).status).toBe(200);
  });

  it('answers 503 with Retry-After to requests beyond the concurrent limit, before reading them', async () => {
    const workflow = await createWebhookWorkflow(testApp, { sync: true, nodes: [{ type: 'response', config: { body: 'ok' } }] });
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
});
