import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, executionsOf, postJson } from './helpers/workflows';

describe('stopping the app', () => {
  const current = useTestApp();

  it('hands every acknowledged async delivery to the engine before it stops', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const responses = await Promise.all(Array.from({ length: 30 }, (_, n) => postJson(current(), workflow.key, { n })));
    expect(responses.every((response) => response.status === 200)).toBe(true);

    await current().app.stop();
    await current().app.db.reconnect();
    const executions = await executionsOf(current(), workflow.id);
    expect(new Set(executions.map((execution) => (execution.context.body as { n: number }).n)).size).toBe(30);
  });
});
