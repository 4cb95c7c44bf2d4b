import { startTestApp, TestApp } from './helpers/testApp';
import { basicAuth, createWebhookWorkflow, executionsOf, postJson, waitForExecutions } from './helpers/workflows';

describe('bad requests get clear 4xx answers and create nothing', () => {
  let testApp: TestApp;
  const previousLimit = process.env.WEBHOOK_BODY_LIMIT;

  beforeAll(async () => {
    process.env.WEBHOOK_BODY_LIMIT = '1kb';
    testApp = await startTestApp();
  });

  afterAll(async () => {
    process.env.WEBHOOK_BODY_LIMIT = previousLimit;
    await testApp?.stop();
  });

  async function executionCount() {
    return testApp.app.db.getRepository('executions').count();
  }

  it('answers 404 for a key without an enabled webhook workflow', async () => {
    const disabled = await createWebhookWorkflow(testApp, { enabled: false });
    const other = await testApp.createWorkflow({
      type: 'collection',
      title: 'not a webhook',
      enabled: false,
      config: {},
    });
    for (const key of ['missing', disabled.key, other.key]) {
      const response = await postJson(testApp, key, {});
      expect(response.status).toBe(404);
      // The key is not repeated: for a workflow without authentication it is the only credential.
      expect(await response.json()).toEqual({
        error: { status: 404, message: 'No enabled webhook workflow at this URL' },
      });
    }
    expect(await executionCount()).toBe(0);
  });

  it('answers a key that is not valid percent-encoding with the same JSON 404', async () => {
    const response = await testApp.request('/api/webhook:trigger/%E0%A4%A', { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { status: 404, message: 'No enabled webhook workflow at this URL' },
    });
  });

  it('answers 405 with Allow: POST for other methods', async () => {
    const workflow = await createWebhookWorkflow(testApp);
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await testApp.request(`/api/webhook:trigger/${workflow.key}`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
    expect(await executionsOf(testApp, workflow.id)).toHaveLength(0);
  });

  it('answers 401 with a Basic challenge for missing or wrong credentials', async () => {
    const workflow = await createWebhookWorkflow(testApp, {
      config: { auth: { type: 'basic', username: 'hook', password: 'pässword:with:colons' } },
    });
    const attempts: Array<Record<string, string>> = [
      {},
      { Authorization: basicAuth('hook', 'wrong') },
      { Authorization: basicAuth('other', 'pässword:with:colons') },
      { Authorization: 'Bearer abc' },
      { Authorization: 'Basic !!!' },
    ];
    for (const headers of attempts) {
      const response = await postJson(testApp, workflow.key, {}, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="[^"]+"/);
    }
    expect(await executionsOf(testApp, workflow.id)).toHaveLength(0);

    const accepted = await postJson(
      testApp,
      workflow.key,
      {},
      { headers: { Authorization: basicAuth('hook', 'pässword:with:colons') } },
    );
    expect(accepted.status).toBe(200);
    await waitForExecutions(testApp, workflow.id, 1);
  });

  it('answers 400 naming where malformed JSON stops, without quoting it', async () => {
    const workflow = await createWebhookWorkflow(testApp, { sync: true });
    for (const contentType of ['application/json', 'application/vnd.api+json; charset=utf-8']) {
      const response = await postJson(testApp, workflow.key, '{"order": ', {
        headers: { 'Content-Type': contentType },
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toBe('Malformed JSON body (at position 10)');
    }
    expect(await executionsOf(testApp, workflow.id)).toHaveLength(0);
  });

  it('answers 413 for a body over the limit', async () => {
    const workflow = await createWebhookWorkflow(testApp);
    const response = await postJson(testApp, workflow.key, { big: 'x'.repeat(4096) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toContain('1024 bytes');
    expect(await executionsOf(testApp, workflow.id)).toHaveLength(0);
  });

  it('needs no NocoBase login and ignores a bogus session token', async () => {
    const workflow = await createWebhookWorkflow(testApp, { sync: true });
    const response = await postJson(testApp, workflow.key, {}, { headers: { Authorization: 'Bearer not-a-token' } });
    expect(response.status).toBe(200);
  });
});
