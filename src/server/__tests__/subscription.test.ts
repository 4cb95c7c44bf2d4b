import { startFakeProvider } from './helpers/fakeProvider';
import { useTestApp } from './helpers/testApp';
import { sleep, waitUntil } from './helpers/waitUntil';
import { postJson, waitForExecutions } from './helpers/workflows';


describe('subscribing the webhook with its sender', () => {
  const current = useTestApp();
  let provider: Awaited<ReturnType<typeof startFakeProvider>>;
  let token: string;

  const api = async (pathname: string, body: unknown) => {
    const response = await current().request(`/api/${pathname}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  };

  const subscription = (events: string[]) => ({
    subscribe: {
      method: 'POST',
      url: `${provider.url}/hooks`,
      headers: [{ name: 'Authorization', value: 'Bearer {{$env.EXAMPLE_TOKEN}}' }],
      body: { url: '{{$webhook.url}}', events },
      state: { webhookId: '{{$response.body.id}}' },
      nextRefreshAt: '{{$response.body.expiresAt}}',
    },
    refresh: { method: 'PATCH', url: `${provider.url}/hooks/{{$state.webhookId}}`, nextRefreshAt: '{{$response.body.expiresAt}}' },
    unsubscribe: { method: 'DELETE', url: `${provider.url}/hooks/{{$state.webhookId}}` },
  });

  const createDisabled = async (events: string[]) =>
    (await api('workflows:create', { title: 'subscribed', type: 'webhook', sync: false, enabled: false, config: { subscription: subscription(events) } })).json
      .data as { id: number; key: string };

  beforeAll(async () => {
    provider = await startFakeProvider({ lifetimeMs: 3_000 });
    process.env.WEBHOOK_PUBLIC_URL = current().baseUrl;
    current().app.environment.setVariable('EXAMPLE_TOKEN', 'tok-123', { isSecret: true });
    const signIn = await current().request('/api/auth:signIn', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
      body: JSON.stringify({ account: 'admin@nocobase.com', password: 'admin123' }),
    });
    token = ((await signIn.json()) as { data: { token: string } }).data.token;
  });

  afterAll(async () => {
    delete process.env.WEBHOOK_PUBLIC_URL;
    await provider?.close();
  });

  it('subscribes on enable, renews before expiry, and unsubscribes with the stored id on disable', async () => {
    const workflow = await createDisabled(['push']);
    const enabled = await api(`workflows:update?filterByTk=${workflow.id}`, { enabled: true });
    expect(enabled.status).toBe(200);

    const [subscribe] = provider.calls;
    expect(subscribe).toMatchObject({
      method: 'POST',
      path: '/hooks',
      body: { url: `${current().baseUrl}/api/webhook:trigger/${workflow.key}`, events: ['push'] },
    });
    expect(subscribe.headers.authorization).toBe('Bearer tok-123');
    // The state is readable through the API by those who manage workflows.
    const read = await current().request(`/api/webhookSubscriptions:list?filter=${encodeURIComponent(JSON.stringify({ workflowId: workflow.id }))}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const [row] = ((await read.json()) as { data: Array<{ state: object; status: string; nextRefreshAt: string }> }).data;
    expect(row).toMatchObject({ state: { webhookId: 'wh_1' }, status: 'active', nextRefreshAt: expect.any(String) });

    // The sender delivers to the URL it was given.
    const delivered = await fetch(provider.hooks.get('wh_1')!.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ref: 'main' }),
    });
    expect(delivered.status).toBe(200);
    await waitForExecutions(current(), workflow.id, 1);

    // Renewed before its 3 s expiry, once.
    await waitUntil(() => provider.calls.some((call) => call.method === 'PATCH'), 'a refresh call', 10_000);
    expect(provider.calls.filter((call) => call.method === 'PATCH').map((call) => call.path)).toEqual(['/hooks/wh_1']);
    await sleep(2_500);
    expect(provider.calls.filter((call) => call.method === 'PATCH')).toHaveLength(1);

    const disabled = await api(`workflows:update?filterByTk=${workflow.id}`, { enabled: false });
    expect(disabled.status).toBe(200);
    await waitUntil(() => provider.calls.some((call) => call.method === 'DELETE'), 'an unsubscribe call');
    expect(provider.calls.find((call) => call.method === 'DELETE')?.path).toBe('/hooks/wh_1');
    expect(provider.hooks.has('wh_1')).toBe(false);

    // The calls are in the workflow's history, without the token.
    await waitUntil(async () => (await current().app.db.getModel('webhookDeliveries').count({ where: { workflowId: workflow.id, kind: 'unsubscribe' } })) === 1, 'the unsubscribe in the history');
    const calls = await current().app.db.getModel('webhookDeliveries').findAll({ where: { workflowId: workflow.id }, order: [['id', 'ASC']] });
    expect(calls.map((call) => [call.get('kind'), call.get('answerStatus')]).filter(([kind]) => kind !== 'delivery')).toEqual([
      ['subscribe', 201],
      ['refresh', 200],
      ['unsubscribe', 204],
    ]);
    expect(JSON.stringify(calls.map((call) => call.toJSON()))).not.toContain('tok-123');
  });

  it('keeps the workflow disabled and shows the sender\'s answer when subscribing fails', async () => {
    const workflow = await createDisabled(['invalid']);
    const refused = await api(`workflows:update?filterByTk=${workflow.id}`, { enabled: true });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('answered 422: {\\"error\\":\\"unknown event \\\\\\"invalid\\\\\\"\\"}');
    const reloaded = await current().app.db.getRepository('workflows').findOne({ filterByTk: workflow.id });
    expect(reloaded?.get('enabled')).toBe(false);
    expect((await postJson(current(), workflow.key, {})).status).toBe(404);
  });
});
