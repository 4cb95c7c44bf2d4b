import { useTestApp } from './helpers/testApp';
import { basicAuth, createWebhookWorkflow, jobsOf, postJson, waitForExecutions } from './helpers/workflows';

const RESOLVED = 1;

describe('asynchronous webhook workflows', () => {
  const current = useTestApp();

  it('answers the configured response at once, raw, then runs once with the request as context', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: {
        request: {
          headers: [{ key: 'X-Request-Id', alias: 'Request ID' }, { key: 'X-Missing' }],
          query: [{ key: 'filter.status', alias: 'Status' }],
          body: [{ key: 'order.id', alias: 'Order ID' }],
        },
        response: { statusCode: 202, headers: [{ name: 'X-Handled-By', value: 'nocobase' }], body: 'accepted' },
      },
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const body = { order: { id: 'B-1', lines: [{ sku: 'x' }] }, note: 'not configured, still delivered' };

    const response = await postJson(current(), workflow.key, body, {
      headers: { 'X-Request-Id': 'r-1', Cookie: 'session=secret', 'X-Other': 'dropped' },
      query: '?filter[status]=paid&page=2&tags[]=a&tags[]=b',
    });

    expect(response.status).toBe(202);
    expect(response.headers.get('x-handled-by')).toBe('nocobase');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('accepted');

    const [execution, ...others] = await waitForExecutions(current(), workflow.id, 1);
    expect(others).toHaveLength(0);
    expect(execution.status).toBe(RESOLVED);
    expect(execution.context).toEqual({
      method: 'POST',
      headers: { 'x-request-id': 'r-1' },
      query: { filter: { status: 'paid' }, page: '2', tags: ['a', 'b'] },
      body,
    });
  });

  it('answers 200 "ok" by default and never captures credentials it was not asked for', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { auth: { type: 'basic', username: 'hook', password: 's3cret' } },
    });
    const response = await postJson(current(), workflow.key, [1, 2, 3], {
      headers: { Authorization: basicAuth('hook', 's3cret') },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');

    const [execution] = await waitForExecutions(current(), workflow.id, 1);
    expect(execution.context.headers).toEqual({});
    expect(execution.context.body).toEqual([1, 2, 3]);
    // Neither the run nor the stored delivery holds the Authorization header, in any form.
    const credentials = basicAuth('hook', 's3cret');
    const [stored] = await current()
      .app.db.getModel('webhookDeliveries')
      .findAll({ where: { workflowId: workflow.id } });
    for (const record of [JSON.stringify(execution), JSON.stringify(stored.toJSON())]) {
      expect(record).not.toContain(credentials.slice('Basic '.length));
      expect(record.toLowerCase()).not.toContain('authorization');
      expect(record).not.toContain('s3cret');
    }
  });

  it('captures the Authorization header only when the designer lists it', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { request: { headers: [{ key: 'Authorization' }] } },
    });
    await postJson(current(), workflow.key, {}, { headers: { Authorization: 'Bearer listed-on-purpose' } });
    const [execution] = await waitForExecutions(current(), workflow.id, 1);
    expect(execution.context.headers).toEqual({ authorization: 'Bearer listed-on-purpose' });
  });

  it('answers a JSON response body as JSON', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { response: { statusCode: 200, body: { received: true } } },
    });
    const response = await postJson(current(), workflow.key, {});
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ received: true });
    await waitForExecutions(current(), workflow.id, 1);
  });

  it('lets a response node in an async workflow record what it would have sent', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      nodes: [{ type: 'response', config: { statusCode: 201, body: { id: '{{$context.body.id}}' } } }],
    });
    const response = await postJson(current(), workflow.key, { id: 'q' });
    expect(response.status).toBe(200);
    const [execution] = await waitForExecutions(current(), workflow.id, 1);
    expect(execution.status).toBe(RESOLVED);
    const [job] = await jobsOf(current(), execution.id);
    expect(job.result).toEqual({ statusCode: 201, headers: {}, body: { id: 'q' }, sent: false });
  });

  it('keeps form-encoded, text and untyped bodies', async () => {
    const workflow = await createWebhookWorkflow(current());
    await current().request(`/api/webhook:trigger/${workflow.key}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1&b[c]=2',
    });
    await current().request(`/api/webhook:trigger/${workflow.key}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'plain words',
    });
    await current().request(`/api/webhook:trigger/${workflow.key}`, {
      method: 'POST',
      body: new Uint8Array(Buffer.from('{"x":1}')),
    });
    await current().request(`/api/webhook:trigger/${workflow.key}`, { method: 'POST' });
    const executions = await waitForExecutions(current(), workflow.id, 4);
    expect(executions.map((execution) => execution.context.body)).toEqual([
      { a: '1', b: { c: '2' } },
      'plain words',
      { x: 1 },
      null,
    ]);
  });
});
