import { stalledPost } from './helpers/stalledPost';
import { useTestApp } from './helpers/testApp';
import { waitUntil } from './helpers/waitUntil';
import { createWebhookWorkflow, executionsOf, jobsOf } from './helpers/workflows';

describe('deliveries and callbacks are served at their documented URLs only, every other form is an unknown key', () => {
  // Short, so that the stalled sender is cut off within the test.
  process.env.WEBHOOK_BODY_TIMEOUT_MS = '2000';
  const current = useTestApp();
  afterAll(() => {
    delete process.env.WEBHOOK_BODY_TIMEOUT_MS;
  });

  const config = { limits: { maxBodySize: '1kb' }, cors: { origins: ['https://app.example.com'] } };
  const otherForms = (key: string) => [
    `/api/webhook:trigger?filterByTk=${key}`,
    `/api/webhook/${key}:trigger`,
    `/api/webhook:trigger/${key}/more`,
    `/api/webhook%3Atrigger?filterByTk=${key}`,
  ];

  function spyOnRequestLog() {
    const { requestLogger } = current().app;
    const calls = (['info', 'warn', 'error'] as const).map((level) => jest.spyOn(requestLogger, level));
    return () => JSON.stringify(calls.flatMap((spy) => spy.mock.calls));
  }

  afterEach(() => jest.restoreAllMocks());

  it('applies the body limit at the documented URL and runs nothing from any other form, nor logs its body', async () => {
    const workflow = await createWebhookWorkflow(current(), { config });
    const logged = spyOnRequestLog();
    const large = JSON.stringify({ blob: 'x'.repeat(200_000), marker: 'BODY-MARKER' });
    const post = (path: string, body: string) =>
      current().request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

    expect((await post(`/api/webhook:trigger/${workflow.key}`, large)).status).toBe(413);
    for (const path of otherForms(workflow.key)) {
      for (const body of [large, '{"small":true}']) {
        const answer = await post(path, body);
        expect([path, answer.status]).toEqual([path, 404]);
        const { error } = (await answer.json()) as { error: { status: number; message: string } };
        expect(error.status).toBe(404);
        expect(error.message).toMatch(/^No enabled webhook workflow/);
      }
    }
    const log = logged();
    expect(log).not.toContain('BODY-MARKER');
    expect(log).not.toContain(workflow.key);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await executionsOf(current(), workflow.id)).toHaveLength(0);
    // The documented URL still runs a delivery within the limit.
    expect((await post(`/api/webhook:trigger/${workflow.key}`, '{"small":true}')).status).toBe(200);
  });

  it('answers a preflight from an unlisted origin with no CORS grant, whichever form', async () => {
    const workflow = await createWebhookWorkflow(current(), { config });
    const preflight = (path: string, origin: string) =>
      current().request(path, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const documented = await preflight(`/api/webhook:trigger/${workflow.key}`, 'https://evil.example');
    expect(documented.status).toBe(403);
    expect(documented.headers.get('access-control-allow-origin')).toBeNull();
    for (const path of otherForms(workflow.key)) {
      const answer = await preflight(path, 'https://evil.example');
      expect([path, answer.status, answer.headers.get('access-control-allow-origin')]).toEqual([path, 404, null]);
    }
    const listed = await preflight(`/api/webhook:trigger/${workflow.key}`, 'https://app.example.com');
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('cuts off a stalled body at the documented URL (408) and never waits on one elsewhere', async () => {
    const workflow = await createWebhookWorkflow(current(), { config });
    const documented = await stalledPost(current().baseUrl, `/api/webhook:trigger/${workflow.key}`);
    expect(documented.status).toBe(408);
    expect(documented.ms).toBeGreaterThanOrEqual(1900);
    const other = await stalledPost(current().baseUrl, `/api/webhook:trigger?filterByTk=${workflow.key}`);
    expect(other.status).toBe(404);
    expect(other.ms).toBeLessThan(1900);
  });

  it('resumes a waiting run only through its documented callback URL', async () => {
    const workflow = await createWebhookWorkflow(current(), { nodes: [{ type: 'webhookCallback', config: {} }] });
    expect(
      (await current().request(`/api/webhook:trigger/${workflow.key}`, { method: 'POST', body: '{}' })).status,
    ).toBe(200);
    await waitUntil(async () => {
      const [execution] = await executionsOf(current(), workflow.id);
      return execution != null && (await jobsOf(current(), execution.id)).length === 1;
    }, 'the run to wait for its callback');
    const [execution] = await executionsOf(current(), workflow.id);
    const [url] = Object.values(
      (execution.context as unknown as { callbackUrls: Record<string, string> }).callbackUrls,
    );
    const token = url.split('/').pop()!;
    for (const path of [`/api/webhook:callback?filterByTk=${token}`, `/api/webhook/${token}:callback`]) {
      const answer = await current().request(path, { method: 'POST', body: '{}' });
      expect([path, answer.status]).toEqual([path, 404]);
    }
    expect((await jobsOf(current(), execution.id))[0].status).toBe(0);
    expect((await current().request(url, { method: 'POST', body: '{}' })).status).toBe(200);
  });
});
