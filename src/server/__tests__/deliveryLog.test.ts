import { createHash } from 'crypto';
import { captureLogs } from './helpers/captureLogs';
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
    expect(entry).toMatchObject({
      status: 200,
      method: 'POST',
      workflowId: workflow.id,
      reqId: response.headers.get('x-request-id'),
    });
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

  describe('never repeats what the caller sent', () => {
    /** Sends a request and gives the answer's text and everything logged meanwhile. */
    async function loggedFor(pathname: string, init: RequestInit) {
      const logs = captureLogs(current().app);
      try {
        const response = await current().request(pathname, init);
        const answer = await response.text();
        // The line is written once the answer is out.
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { status: response.status, answer, logged: logs.text() };
      } finally {
        logs.stop();
      }
    }

    it('names an unknown or disabled key by a short hash of it, not the key', async () => {
      const unknownKey = 'k-unknown-4711-guessable';
      const unknown = await loggedFor(`/api/webhook:trigger/${unknownKey}`, { method: 'POST' });
      expect(unknown.status).toBe(404);
      const hash = createHash('sha256').update(unknownKey).digest('hex').slice(0, 8);
      expect(unknown.logged).toContain(`"message":"webhook POST key ${hash} 404"`);
      expect(unknown.logged).toContain(`"keyHash":"${hash}"`);
      expect(unknown.logged).toContain('No enabled webhook workflow at this URL');
      expect(unknown.logged).not.toContain(unknownKey);
      expect(unknown.answer).not.toContain(unknownKey);

      const disabled = await createWebhookWorkflow(current(), { enabled: false });
      const refused = await loggedFor(`/api/webhook:trigger/${disabled.key}`, { method: 'POST' });
      expect(refused.status).toBe(404);
      expect(refused.logged).toContain('"status":404');
      expect(refused.logged).not.toContain(disabled.key);
    });

    it('says where a JSON or XML body is malformed, without a fragment of it', async () => {
      const workflow = await createWebhookWorkflow(current());
      const json = await loggedFor(`/api/webhook:trigger/${workflow.key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"card": "4111 1111 1111 1111" "cvc-marker": 737}',
      });
      expect(json.status).toBe(400);
      expect(json.logged).toContain('"reason":"Malformed JSON body (at position 31)"');
      expect(JSON.parse(json.answer).error.message).toBe('Malformed JSON body (at position 31)');
      for (const fragment of ['4111', 'cvc-marker', '737']) {
        expect(json.logged).not.toContain(fragment);
      }

      const xml = await loggedFor(`/api/webhook:trigger/${workflow.key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/xml' },
        body: '<order-marker><card-secret-tag>4111</order-marker>',
      });
      expect(xml.status).toBe(400);
      expect(xml.logged).toMatch(/"reason":"Malformed XML body \(at line 1, column \d+\)"/);
      for (const fragment of ['card-secret-tag', '4111', 'order-marker']) {
        expect(xml.logged).not.toContain(fragment);
      }
    });

    it("does not repeat a refused preflight's Origin or requested method", async () => {
      const workflow = await createWebhookWorkflow(current(), {
        config: { cors: { origins: ['https://app.example.com'] } },
      });
      const origin = await loggedFor(`/api/webhook:trigger/${workflow.key}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://origin-marker.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(origin.status).toBe(403);
      expect(origin.logged).toContain('"reason":"CORS preflight refused: this origin is not allowed"');
      expect(origin.logged).not.toContain('origin-marker');
      expect(origin.answer).not.toContain('origin-marker');

      const method = await loggedFor(`/api/webhook:trigger/${workflow.key}`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'METHOD-MARKER' },
      });
      expect(method.status).toBe(403);
      expect(method.logged).toContain(
        '"reason":"CORS preflight refused: the requested method is not allowed, use POST"',
      );
      expect(method.logged).not.toContain('METHOD-MARKER');
      expect(method.logged).not.toContain('app.example.com');
    });
  });
});
