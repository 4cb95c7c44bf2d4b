import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, postJson, waitForExecutions } from './helpers/workflows';

const RESOLVED = 1;

describe('concurrent deliveries', () => {
  const current = useTestApp();

  it('turns 50 parallel async posts into exactly 50 executions', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) => postJson(current(), workflow.key, { delivery: n })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));

    const executions = await waitForExecutions(current(), workflow.id, 50);
    expect(executions).toHaveLength(50);
    expect(executions.every((execution) => execution.status === RESOLVED)).toBe(true);
    const delivered = executions.map((execution) => (execution.context.body as { delivery: number }).delivery);
    expect(new Set(delivered).size).toBe(50);
  });

  it('gives each of 20 parallel sync posts its own answer, even while async deliveries drain', async () => {
    const asyncWorkflow = await createWebhookWorkflow(current(), {
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '2 * 3' } }],
    });
    const syncWorkflow = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [
        { type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } },
        { type: 'response', config: { body: { echo: '{{$context.body.n}}' } } },
      ],
    });

    const asyncPosts = Array.from({ length: 40 }, (_, n) => postJson(current(), asyncWorkflow.key, { n }));
    const syncPosts = Array.from({ length: 20 }, (_, n) => postJson(current(), syncWorkflow.key, { n }));
    const syncAnswers = await Promise.all(
      syncPosts.map(async (pending) => {
        const response = await pending;
        return { status: response.status, body: await response.json() };
      }),
    );
    expect(syncAnswers).toEqual(Array.from({ length: 20 }, (_, n) => ({ status: 200, body: { echo: n } })));
    expect((await Promise.all(asyncPosts)).every((response) => response.status === 200)).toBe(true);

    const syncExecutions = await waitForExecutions(current(), syncWorkflow.id, 20);
    expect(syncExecutions.every((execution) => execution.status === RESOLVED)).toBe(true);
    const asyncExecutions = await waitForExecutions(current(), asyncWorkflow.id, 40);
    expect(asyncExecutions.every((execution) => execution.status === RESOLVED)).toBe(true);
  });
});
