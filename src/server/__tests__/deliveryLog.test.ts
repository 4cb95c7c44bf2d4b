import { useTestApp } from './helpers/testApp';
import { basicAuth, createWebhookWorkflow, postJson, waitForExecutions } from './helpers/workflows';

describe('the request log', () => {
  const current = useTestApp();

  afterEach(() => jest.restoreAllMocks());

  function spyOnRequestLog() {
    const { requestLogger } = current().app;
    return {
      info: jest.spyOn(requestLogger, 'info'),
      warn: jest.spyOn(requestLogger, 'warn'),
      error: jest.spyOn(requestLogger, 'error'),
    };
  }

  it('gets one line per accepted delivery, naming the workflow and the outcome', async () => {
    const workflow = await createWebhookWorkflow(current());
    const log = spyOnRequestLog();
    const response = await postJson(current(), workflow.key, { card: '4111 1111 1111 1111' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();

    expect(log.info).toHaveBeenCalledTimes(1);
    const [entry] = log.info.mock.calls[0] as [Record<string, unknown>];
    expect(entry).toMatchObject({ status: 200, method: 'POST', workflowId: workflow.id, reqId: response.headers.get('x-request-id') });
    expect(JSON.stringify(entry)).not.toContain('4111');
    // The URL key is the only credential of a workflow without authentication: never logged.
    expect(JSON.stringify(entry)).not.toContain(workflow.key);
    expect(entry.message).toBe(`webhook POST workflow ${workflow.id} 200`);
    await waitForExecutions(current(), workflow.id, 1);
  });

  it('logs a refused delivery once, with the reason and without the credentials', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { auth: { type: 'basic', username: 'hook', password: 'top-secret' } },
    });
    const log = spyOnRequestLog();
    const sent = basicAuth('hook', 'guessed-secret');
    const response = await postJson(current(), workflow.key, {}, { headers: { Authorization: sent } });
    expect(response.status).toBe(401);

    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.info).not.toHaveBeenCalled();
    const text = JSON.stringify(log.warn.mock.calls[0]);
    expect(text).toContain('Invalid credentials');
    expect(text).not.toContain('guessed-secret');
    expect(text).not.toContain(sent.slice(6));
    expect(text).not.toContain('top-secret');
  });

  it('logs a delivery whose answer had to be corrected, and answers it well-formed', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { response: { statusCode: 202, headers: [{ name: 'X-Note', value: 'é中' }], body: 'queued' } },
    });
    const log = spyOnRequestLog();
    const response = await postJson(current(), workflow.key, {});
    expect(response.status).toBe(202);
    // Beyond visible ASCII, values are percent-encoded (UTF-8): every client reads them the same.
    expect(response.headers.get('x-note')).toBe('%C3%A9%E4%B8%AD');
    expect(log.info).toHaveBeenCalledTimes(1);
    await waitForExecutions(current(), workflow.id, 1);
  });
});
