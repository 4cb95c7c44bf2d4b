import { startTestApp, TestApp } from './helpers/testApp';
import { createWebhookWorkflow, executionsOf, jobsOf } from './helpers/workflows';

const RESOLVED = 1;

describe('manual "Execute" from the workflow designer', () => {
  let testApp: TestApp;
  let token: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    const signIn = await testApp.request('/api/auth:signIn', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
      body: JSON.stringify({ account: 'admin@nocobase.com', password: 'admin123' }),
    });
    token = ((await signIn.json()) as { data: { token: string } }).data.token;
  });

  afterAll(async () => {
    await testApp?.stop();
  });

  function execute(workflowId: number | string, values: unknown) {
    return testApp.request(`/api/workflows:execute?filterByTk=${workflowId}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(values),
    });
  }

  it('runs a sample request like a real one and records the response it would send', async () => {
    const workflow = await createWebhookWorkflow(testApp, {
      sync: true,
      nodes: [{ type: 'response', config: { statusCode: 201, body: { id: '{{$context.body.order.id}}' } } }],
    });
    const response = await execute(workflow.id, {
      headers: { 'X-Request-Id': 'manual-1' },
      query: '?filter[status]=paid',
      body: '{"order":{"id":"M-1"}}',
    });
    expect(response.status).toBe(200);

    const [execution] = await executionsOf(testApp, workflow.id);
    expect(execution.status).toBe(RESOLVED);
    expect(execution.manually).toBe(true);
    expect(execution.context).toEqual({
      method: 'POST',
      headers: { 'x-request-id': 'manual-1' },
      query: { filter: { status: 'paid' } },
      body: { order: { id: 'M-1' } },
    });
    const [job] = await jobsOf(testApp, execution.id);
    expect(job.result).toEqual({ statusCode: 201, headers: {}, body: { id: 'M-1' }, sent: false });
  });

  it('accepts a sample without headers or query (an async workflow too)', async () => {
    const workflow = await createWebhookWorkflow(testApp, {
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const response = await execute(workflow.id, { body: { a: 1 } });
    expect(response.status).toBe(200);
    const [execution] = await executionsOf(testApp, workflow.id);
    expect(execution.status).toBe(RESOLVED);
    expect(execution.context).toEqual({ method: 'POST', headers: {}, query: {}, body: { a: 1 } });
  });
});
