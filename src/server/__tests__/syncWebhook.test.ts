import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { OfferThenSleepInstruction, SleepInstruction } from './helpers/fixtureInstructions';
import { useTestApp } from './helpers/testApp';
import { waitUntil } from './helpers/waitUntil';
import {
  createWebhookWorkflow,
  deliveriesToRun,
  executionsOf,
  jobsOf,
  postJson,
  waitForExecutions,
} from './helpers/workflows';

const RESOLVED = 1;
const FAILED = -1;
const ABORTED = -3;

describe('synchronous webhook workflows', () => {
  const current = useTestApp(({ app }) => {
    (app.pm.get(PluginWorkflowServer) as PluginWorkflowServer).registerInstruction(
      'test-sleep',
      new SleepInstruction(app.pm.get(PluginWorkflowServer) as PluginWorkflowServer),
    );
    (app.pm.get(PluginWorkflowServer) as PluginWorkflowServer).registerInstruction(
      'test-offer-then-sleep',
      new OfferThenSleepInstruction(app.pm.get(PluginWorkflowServer) as PluginWorkflowServer),
    );
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

    const response = await postJson(
      current(),
      workflow.key,
      { order: { id: 'A-17' } },
      {
        headers: { 'X-Request-Id': 'req-9' },
        query: '?filter[status]=paid',
      },
    );

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
      nodes: [
        { type: 'response', config: { statusCode: '{{$context.body.code}}', body: 'hello {{$context.body.name}}' } },
      ],
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
          config: {
            headers: [{ name: 'Content-Type', value: 'application/xml' }],
            body: '<ok id="{{$context.body.id}}"/>',
          },
        },
      ],
    });
    const xmlAnswer = await postJson(current(), xml.key, { id: 5 });
    expect(xmlAnswer.status).toBe(200);
    expect(xmlAnswer.headers.get('content-type')).toBe('application/xml');
    expect(await xmlAnswer.text()).toBe('<ok id="5"/>');
  });

  it('sends every answer with nosniff, and markup answers sandboxed, so reflected text runs no script on the app', async () => {
    const reflect = (type: string) =>
      createWebhookWorkflow(current(), {
        sync: true,
        config: { methods: ['GET'] },
        nodes: [
          {
            type: 'response',
            config: { headers: [{ name: 'Content-Type', value: type }], body: 'Hi {{$context.query.name}}' },
          },
        ],
      });
    const script = encodeURIComponent('<script>alert(localStorage.NOCOBASE_TOKEN)</script>');
    for (const type of [
      'text/html; charset=utf-8',
      'application/xhtml+xml',
      'text/xml',
      'image/svg+xml',
      'TEXT/HTML',
    ]) {
      const workflow = await reflect(type);
      const answer = await current().request(`/api/webhook:trigger/${workflow.key}?name=${script}`);
      expect([
        type,
        answer.status,
        answer.headers.get('content-security-policy'),
        answer.headers.get('x-content-type-options'),
      ]).toEqual([type, 200, 'sandbox', 'nosniff']);
      expect(await answer.text()).toContain('<script>');
    }
    const json = await reflect('application/json');
    const plain = await current().request(`/api/webhook:trigger/${json.key}?name=x`);
    expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
    expect(plain.headers.get('content-security-policy')).toBeNull();
    // Refusals and the async answer carry it too.
    const unknown = await current().request('/api/webhook:trigger/no-such-key', { method: 'POST' });
    expect(unknown.headers.get('x-content-type-options')).toBe('nosniff');
    const asyncAnswer = await postJson(current(), (await createWebhookWorkflow(current())).key, {});
    expect(asyncAnswer.headers.get('x-content-type-options')).toBe('nosniff');
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
    expect(jobs.map((job: { result: unknown }) => job.result)).toContainEqual(
      expect.objectContaining({ body: 'late', sent: false }),
    );
  });

  it('records the answer as not sent when the sender hung up before it was written', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [
        { type: 'test-sleep', config: { ms: 800 } },
        { type: 'response', config: { statusCode: 201, body: 'nobody hears this' } },
      ],
    });
    const sender = new AbortController();
    const request = current().request(`/api/webhook:trigger/${workflow.key}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      signal: sender.signal,
    });
    setTimeout(() => sender.abort(), 200);
    await expect(request).rejects.toThrow();

    const [execution] = await waitForExecutions(current(), workflow.id, 1);
    expect(execution.status).toBe(RESOLVED);
    const answeringJob = async () =>
      (await jobsOf(current(), execution.id)).find(
        (job: { result: unknown }) => (job.result as { body?: unknown } | null)?.body === 'nobody hears this',
      );
    await waitUntil(
      async () => ((await answeringJob()) as { result: { sent?: boolean } } | undefined)?.result.sent === false,
      'the job says not sent',
    );
    expect((await answeringJob())?.result).toMatchObject({ statusCode: 201, sent: false });
    const [row] = await deliveriesToRun(current(), workflow.id);
    expect(row.get('error')).toBe('The sender hung up before the answer was written');
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
    expect(await response.json()).toEqual({
      error: { status: 408, message: expect.stringContaining('aborted by its execution timeout') },
      executionId: execution.id,
    });
    expect(execution.status).toBe(ABORTED);
  });

  it('percent-encodes a header value a header cannot carry and drops an invalid header name, answering well-formed', async () => {
    const workflow = await createWebhookWorkflow(current(), { sync: true, nodes: [] });
    // Written the way an older version could have stored it, past today's save-time check.
    await current()
      .app.db.getRepository('flow_nodes')
      .create({
        values: {
          workflowId: workflow.id,
          type: 'response',
          config: {
            statusCode: 201,
            headers: [
              { name: 'X-Echo', value: '{{$context.body.name}}' },
              { name: 'Bad Name', value: 'x' },
            ],
            body: 'ok',
          },
        },
      });
    await workflow.update({ enabled: false });
    await workflow.update({ enabled: true });
    const response = await postJson(current(), workflow.key, { name: '中文\r\nSet-Cookie: a=b' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo')).toBe(encodeURIComponent('中文\r\n') + 'Set-Cookie: a=b');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('ok');
    const [execution] = await waitForExecutions(current(), workflow.id, 1);
    const [job] = await jobsOf(current(), execution.id);
    expect(job.result).toMatchObject({
      statusCode: 201,
      sent: true,
      headers: { 'X-Echo': expect.stringContaining('%E4%B8%AD') },
    });
  });

  it('answers a status outside 200–599 from a variable with a 500 that says why, never a 1xx', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [{ type: 'response', config: { statusCode: '{{$context.body.status}}', body: 'x' } }],
    });
    const response = await postJson(current(), workflow.key, { status: 100 });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { status: 500, message: expect.stringContaining('not a number between 200 and 599') },
    });
    // The sender's text is not repeated in the answer (nor in the log line built from it).
    const echoed = await postJson(current(), workflow.key, { status: '<b>card 4111</b>' });
    expect(echoed.status).toBe(500);
    expect(await echoed.text()).not.toContain('4111');
  });

  it('refuses to save an invalid header name or a status outside 200–599, in the node and the trigger', () => {
    const plugin = current().app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    const node = plugin.instructions.get('response')!;
    const trigger = plugin.triggers.get('webhook')!;
    expect(node.validateConfig!({ headers: [{ name: 'Bad Name', value: 'x' }] })).toBeTruthy();
    expect(node.validateConfig!({ statusCode: 100 })).toBeTruthy();
    expect(
      node.validateConfig!({ statusCode: 204, headers: [{ name: 'X-Ok', value: '{{$context.body.a}}' }] }),
    ).toBeFalsy();
    expect(trigger.validateConfig!({ response: { headers: [{ name: 'a:b', value: 'x' }] } })).toBeTruthy();
    expect(trigger.validateConfig!({ response: { statusCode: 101 } })).toBeTruthy();
    expect(
      trigger.validateConfig!({ response: { statusCode: 202, headers: [{ name: 'X-Queue', value: 'q' }] } }),
    ).toBeFalsy();
  });

  it('never starts a sync delivery whose sender was answered while it waited to start', async () => {
    const slow = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [{ type: 'test-sleep', config: { ms: 1500 } }],
    });
    const quick = await createWebhookWorkflow(current(), {
      sync: true,
      config: { timeout: 0.5 },
      nodes: [{ type: 'response', config: { body: 'ran' } }],
    });
    const slowAnswer = postJson(current(), slow.key, {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    const response = await postJson(current(), quick.key, {});
    await slowAnswer;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const executions = await executionsOf(current(), quick.id);
    if (current().app.db.options.dialect === 'sqlite') {
      // Runs are serial on SQLite: it waited behind the slow one past its own timeout.
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect((await response.json()).error.message).toContain('nothing ran');
      expect(executions).toHaveLength(0);
    } else {
      // Other databases run it at once, beside the slow one.
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('ran');
      expect(executions).toHaveLength(1);
    }
  });

  it('keeps an X-Request-Id header the response node sets', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [{ type: 'response', config: { headers: [{ name: 'X-Request-Id', value: 'mine' }], body: 'x' } }],
    });
    const response = await postJson(current(), workflow.key, {});
    expect(response.headers.get('x-request-id')).toBe('mine');
  });

  it('sends the answer a run decided in time even when the run finishes after the timeout', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      config: { timeout: 0.5 },
      nodes: [{ type: 'test-offer-then-sleep', config: { ms: 1500 } }],
    });
    const response = await postJson(current(), workflow.key, {});
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ decided: true });
    const [execution] = await waitForExecutions(current(), workflow.id, 1);
    const [job] = await jobsOf(current(), execution.id);
    expect(job.result).toEqual({ offered: true });
  });
});
