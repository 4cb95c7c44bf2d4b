import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { SleepInstruction } from './helpers/fixtureInstructions';
import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, executionsOf, jobsOf, postJson, waitForExecutions } from './helpers/workflows';

const RESOLVED = 1;
const FAILED = -1;
const ABORTED = -3;

describe('synchronous webhook workflows', () => {
  const current = useTestApp(({ app }) => {
    (app.pm.get(PluginWorkflowServer) as PluginWorkflowServer).registerInstruction('test-sleep', SleepInstruction);
  });

  it('answers with the response node and ends the run there', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      config: { request: { headers: [{ key: 'X-Request-Id' }], body: [{ key: 'order.id', alias: 'Order ID' }] } },
      nodes: [
        {
          type: 'response',
          config: {
            statusCode: 201,
            headers: [{ name: 'X-Handled-By', value: 'nocobase' }],
            body: {
              id: '{{$context.body.order.id}}',
              status: '{{$context.query.filter.status}}',
              requestId: '{{$context.headers.x-request-id}}',
            },
          },
        },
        { type: 'end', config: { endStatus: FAILED } },
      ],
    });

    const response = await postJson(current(), workflow.key, { order: { id: 'A-17' } }, {
      headers: { 'X-Request-Id': 'req-9' },
      query: '?filter[status]=paid',
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('x-handled-by')).toBe('nocobase');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ id: 'A-17', status: 'paid', requestId: 'req-9' });

    const [execution, ...others] = await executionsOf(current(), workflow.id);
    expect(others).toHaveLength(0);
    expect(execution.status).toBe(RESOLVED);
    expect(execution.context).toEqual({
      method: 'POST',
      headers: { 'x-request-id': 'req-9' },
      query: { filter: { status: 'paid' } },
      body: { order: { id: 'A-17' } },
    });
    // The end node after the response node never ran.
    const jobs = await jobsOf(current(), execution.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].result).toMatchObject({ statusCode: 201, sent: true });
  });

  it('sends a string body as text and honours a configured Content-Type and a variable status code', async () => {
    const text = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [{ type: 'response', config: { statusCode: '{{$context.body.code}}', body: 'hello {{$context.body.name}}' } }],
    });
    const textAnswer = await postJson(current(), text.key, { code: 202, name: 'Ada' });
    expect(textAnswer.status).toBe(202);
    expect(textAnswer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await textAnswer.text()).toBe('hello Ada');

    const xml = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [
        {
          type: 'response',
          config: { headers: [{ name: 'Content-Type', value: 'application/xml' }], body: '<ok id="{{$context.body.id}}"/>' },
        },
      ],
    });
    const xmlAnswer = await postJson(current(), xml.key, { id: 5 });
    expect(xmlAnswer.status).toBe(200);
    expect(xmlAnswer.headers.get('content-type')).toBe('application/xml');
    expect(await xmlAnswer.text()).toBe('<ok id="5"/>');
  });

  it('uses only the first response node on a path', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [
        { type: 'response', config: { statusCode: 200, body: 'first' } },
        { type: 'response', config: { statusCode: 500, body: 'second' } },
      ],
    });
    const response = await postJson(current(), workflow.key, {});
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('first');
    const [execution] = await executionsOf(current(), workflow.id);
    expect(await jobsOf(current(), execution.id)).toHaveLength(1);
  });

  it('answers 200 when the run succeeds without a response node', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const response = await postJson(current(), workflow.key, { a: 1 });
    expect(response.status).toBe(200);
    const [execution] = await executionsOf(current(), workflow.id);
    expect(await response.json()).toEqual({ executionId: execution.id, status: 'resolved' });
    expect(execution.status).toBe(RESOLVED);
  });

  it('answers a short 500 without internals when the run fails or errors', async () => {
    const failing = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [{ type: 'end', config: { endStatus: FAILED } }],
    });
    const failed = await postJson(current(), failing.key, {});
    expect(failed.status).toBe(500);
    const failedBody = await failed.json();
    expect(failedBody.error).toEqual({ status: 500, message: 'The workflow run failed' });
    expect(JSON.stringify(failedBody)).not.toMatch(/stack|at .*\.js/);
    expect((await executionsOf(current(), failing.id))[0].status).toBe(FAILED);

    const erroring = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 +* (' } }],
    });
    const errored = await postJson(current(), erroring.key, {});
    expect(errored.status).toBe(500);
    expect(JSON.stringify(await errored.json())).not.toMatch(/stack|SyntaxError/);
    expect((await executionsOf(current(), erroring.id))[0].status).toBeLessThan(0);
  });

  it('answers 408 when the run outlasts the trigger timeout, and the run still finishes', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      config: { timeout: 0.5 },
      nodes: [
        { type: 'test-sleep', config: { ms: 1500 } },
        { type: 'response', config: { statusCode: 200, body: 'late' } },
      ],
    });
    const started = Date.now();
    const response = await postJson(current(), workflow.key, { slow: true });
    expect(response.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(1400);
    expect((await response.json()).error.status).toBe(408);

    const [execution] = await waitForExecutions(current(), workflow.id, 1);
    expect(execution.status).toBe(RESOLVED);
    const jobs = await jobsOf(current(), execution.id);
    expect(jobs.map((job: { result: unknown }) => job.result)).toContainEqual(expect.objectContaining({ body: 'late', sent: false }));
  });

  it("answers 408 when the workflow's own execution timeout aborts the run", async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      options: { timeout: 300 },
      nodes: [{ type: 'test-sleep', config: { ms: 5000 } }],
    });
    const response = await postJson(current(), workflow.key, {});
    expect(response.status).toBe(408);
    const [execution] = await executionsOf(current(), workflow.id);
    expect(execution.status).toBe(ABORTED);
  });
});
