import { startTestApp, TestApp } from './helpers/testApp';
import { createWebhookWorkflow, executionsOf, postJson } from './helpers/workflows';

describe('stopping the app', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp?.stop();
  });

  it('hands every acknowledged async delivery to the engine before it stops', async () => {
    const workflow = await createWebhookWorkflow(testApp, {
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const responses = await Promise.all(Array.from({ length: 30 }, (_, n) => postJson(testApp, workflow.key, { n })));
    expect(responses.every((response) => response.status === 200)).toBe(true);

    await testApp.app.stop();
    await testApp.app.db.reconnect();
    const executions = await executionsOf(testApp, workflow.id);
    expect(new Set(executions.map((execution) => (execution.context.body as { n: number }).n)).size).toBe(30);
  });
});
