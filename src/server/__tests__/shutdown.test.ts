import { DELIVERIES_COLLECTION } from '../constants';
import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, executionsOf, postJson, waitForExecutions } from './helpers/workflows';

describe('stopping the app', () => {
  const current = useTestApp();

  it('keeps every acknowledged async delivery across a stop and runs each once after the next start', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const responses = await Promise.all(Array.from({ length: 30 }, (_, n) => postJson(current(), workflow.key, { n })));
    expect(responses.every((response) => response.status === 200)).toBe(true);

    const { app } = current();
    await app.stop();
    await app.db.reconnect();
    // Every acknowledged delivery is in the inbox, whether or not its run started before the stop.
    const stored = await app.db.getModel(DELIVERIES_COLLECTION).count({ where: { workflowId: workflow.id } });
    expect(stored).toBe(30);
    const ranBeforeStop = (await executionsOf(current(), workflow.id)).length;
    expect(ranBeforeStop).toBeLessThanOrEqual(30);

    await app.start();
    const executions = await waitForExecutions(current(), workflow.id, 30);
    const delivered = executions.map((execution) => (execution.context.body as { n: number }).n).sort((a, b) => a - b);
    expect(delivered).toEqual(Array.from({ length: 30 }, (_, n) => n));
  });

  it('still recognises a repeated delivery id after a restart', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { idempotency: { header: 'Idempotency-Key' } },
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const send = (n: number) =>
      postJson(current(), workflow.key, { n }, { headers: { 'Idempotency-Key': 'order-42' } });
    expect((await send(1)).status).toBe(200);
    await waitForExecutions(current(), workflow.id, 1);

    const { app } = current();
    await app.stop();
    await app.start();
    const repeat = await send(2);
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(
      (await executionsOf(current(), workflow.id)).map((execution) => (execution.context.body as { n: number }).n),
    ).toEqual([1]);
  });

  it('refuses new deliveries with 503 and Retry-After while the app stops', async () => {
    const workflow = await createWebhookWorkflow(current());
    const { app } = current();
    const stopping = app.stop();
    const response = await postJson(current(), workflow.key, { late: true });
    await stopping;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ error: { status: 503, message: expect.stringContaining('restarting') } });

    await app.start();
    expect((await postJson(current(), workflow.key, { n: 1 })).status).toBe(200);
    await waitForExecutions(current(), workflow.id, 1);
  });
});
