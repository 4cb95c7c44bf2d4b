import { captureLogs } from './helpers/captureLogs';
import { startFakeProvider } from './helpers/fakeProvider';
import { useTestApp } from './helpers/testApp';
import { sleep, waitUntil } from './helpers/waitUntil';
import { postJson, waitForExecutions } from './helpers/workflows';

/** A bot token as some senders put it in the API's path (Telegram's `/bot<token>/setWebhook`). */
const BOT_TOKEN = '7712345:AAH-bot-secret_value';

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
    refresh: {
      method: 'PATCH',
      url: `${provider.url}/hooks/{{$state.webhookId}}`,
      nextRefreshAt: '{{$response.body.expiresAt}}',
    },
    unsubscribe: { method: 'DELETE', url: `${provider.url}/hooks/{{$state.webhookId}}` },
  });

  const createDisabled = async (events: string[]) =>
    (
      await api('workflows:create', {
        title: 'subscribed',
        type: 'webhook',
        sync: false,
        enabled: false,
        config: { subscription: subscription(events) },
      })
    ).json.data as { id: number; key: string };

  beforeAll(async () => {
    provider = await startFakeProvider({ lifetimeMs: 3_000 });
    process.env.WEBHOOK_PUBLIC_URL = current().baseUrl;
    current().app.environment.setVariable('EXAMPLE_TOKEN', 'tok-123', { isSecret: true });
    current().app.environment.setVariable('BOT_TOKEN', BOT_TOKEN, { isSecret: true });
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
    const read = await current().request(
      `/api/webhookSubscriptions:list?filter=${encodeURIComponent(JSON.stringify({ workflowId: workflow.id }))}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    const [row] = ((await read.json()) as { data: Array<{ state: object; status: string; nextRefreshAt: string }> })
      .data;
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
    await waitUntil(
      async () =>
        (await current()
          .app.db.getModel('webhookDeliveries')
          .count({ where: { workflowId: workflow.id, kind: 'unsubscribe' } })) === 1,
      'the unsubscribe in the history',
    );
    const calls = await current()
      .app.db.getModel('webhookDeliveries')
      .findAll({ where: { workflowId: workflow.id }, order: [['id', 'ASC']] });
    expect(
      calls.map((call) => [call.get('kind'), call.get('answerStatus')]).filter(([kind]) => kind !== 'delivery'),
    ).toEqual([
      ['subscribe', 201],
      ['refresh', 200],
      ['unsubscribe', 204],
    ]);
    expect(JSON.stringify(calls.map((call) => call.toJSON()))).not.toContain('tok-123');
  });

  it("keeps the workflow disabled and shows the sender's answer when subscribing fails", async () => {
    const workflow = await createDisabled(['invalid']);
    const refused = await api(`workflows:update?filterByTk=${workflow.id}`, { enabled: true });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain(
      'answered 422: {\\"error\\":\\"unknown event \\\\\\"invalid\\\\\\"\\"}',
    );
    const reloaded = await current().app.db.getRepository('workflows').findOne({ filterByTk: workflow.id });
    expect(reloaded?.get('enabled')).toBe(false);
    expect((await postJson(current(), workflow.key, {})).status).toBe(404);
  });

  /** Everything a reader of the history and the subscription may see about a workflow. */
  const storedAbout = async (workflowId: number) => {
    const history = await current().app.db.getModel('webhookDeliveries').findAll({ where: { workflowId } });
    const subscriptions = await current().app.db.getModel('webhookSubscriptions').findAll({ where: { workflowId } });
    return JSON.stringify([...history, ...subscriptions].map((row) => row.toJSON()));
  };

  it('shows {{$env.…}} and never the secret when a registration URL holding one is refused', async () => {
    const logs = captureLogs(current().app);
    try {
      const created = await api('workflows:create', {
        title: 'bot',
        type: 'webhook',
        sync: false,
        enabled: false,
        config: {
          subscription: {
            subscribe: {
              method: 'POST',
              url: `${provider.url}/api/bot{{$env.BOT_TOKEN}}/setWebhook`,
              body: { url: '{{$webhook.url}}' },
            },
          },
        },
      });
      const workflow = created.json.data as { id: number };
      const refused = await current().request(`/api/workflows:update?filterByTk=${workflow.id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ enabled: true }),
      });
      const answer = await refused.text();
      expect(refused.status).toBe(400);
      // The sender got the real token, and echoed it in its 404.
      expect(provider.calls.at(-1)?.path).toBe(`/api/bot${BOT_TOKEN}/setWebhook`);
      expect(answer).toContain(`POST ${provider.url}/api/bot{{$env.BOT_TOKEN}}/setWebhook answered 404`);
      expect(answer).toContain('/api/bot{{$env.BOT_TOKEN}}/setWebhook\\"}');
      expect(answer).not.toContain(BOT_TOKEN);

      await waitUntil(
        async () =>
          (await current()
            .app.db.getModel('webhookDeliveries')
            .count({ where: { workflowId: workflow.id, kind: 'subscribe' } })) === 1,
        'the subscribe call in the history',
      );
      const stored = await storedAbout(workflow.id);
      expect(stored).toContain('{{$env.BOT_TOKEN}}');
      expect(stored).not.toContain(BOT_TOKEN);
      // The error handler's line (system log) and the answer's line (request log) both carry the refusal.
      await waitUntil(() => logs.text().includes('"method":"error-handler"'), "the error handler's line");
      await waitUntil(
        () => logs.text().includes('"message":"response /api/workflows:update'),
        "the request log's answer line",
      );
      expect(logs.text()).toContain('bot{{$env.BOT_TOKEN}}/setWebhook');
      expect(logs.text()).not.toContain(BOT_TOKEN);
    } finally {
      logs.stop();
    }
  });

  it('keeps secrets of renewal and removal URLs out of lastError, the history and the logs', async () => {
    const logs = captureLogs(current().app);
    try {
      const secretPath = `${provider.url}/bot{{$env.BOT_TOKEN}}/hooks/{{$state.webhookId}}`;
      const created = await api('workflows:create', {
        title: 'bot renewals',
        type: 'webhook',
        sync: false,
        enabled: false,
        config: {
          subscription: {
            ...subscription(['push']),
            refresh: { method: 'PATCH', url: secretPath },
            unsubscribe: { method: 'DELETE', url: secretPath },
          },
        },
      });
      const workflow = created.json.data as { id: number };
      expect((await api(`workflows:update?filterByTk=${workflow.id}`, { enabled: true })).status).toBe(200);
      const subscriptions = current().app.db.getModel('webhookSubscriptions');
      await waitUntil(
        async () => (await subscriptions.findOne({ where: { workflowId: workflow.id } }))?.get('status') === 'failing',
        'a failed renewal',
        15_000,
      );
      const failing = (await subscriptions.findOne({ where: { workflowId: workflow.id } }))!;
      expect(failing.get('lastError')).toMatch(/^PATCH .*\/bot\{\{\$env\.BOT_TOKEN\}\}\/hooks\/wh_\d+ answered 404: /);

      expect((await api(`workflows:update?filterByTk=${workflow.id}`, { enabled: false })).status).toBe(200);
      await waitUntil(
        async () => (await subscriptions.findOne({ where: { workflowId: workflow.id } }))?.get('status') === 'removed',
        'the removal',
      );
      const removed = (await subscriptions.findOne({ where: { workflowId: workflow.id } }))!;
      expect(removed.get('lastError')).toMatch(/^DELETE .*\/bot\{\{\$env\.BOT_TOKEN\}\}\/hooks\/wh_\d+ answered 404: /);
      await waitUntil(
        () => logs.text().includes('the sender did not remove the subscription'),
        'the failed removal in the logs',
      );

      expect(provider.calls.filter((call) => call.path.includes(BOT_TOKEN)).map((call) => call.method)).toEqual(
        expect.arrayContaining(['PATCH', 'DELETE']),
      );
      await waitUntil(
        async () =>
          (await current()
            .app.db.getModel('webhookDeliveries')
            .count({ where: { workflowId: workflow.id, kind: 'unsubscribe' } })) === 1,
        'the unsubscribe in the history',
      );
      expect(await storedAbout(workflow.id)).not.toContain(BOT_TOKEN);
      expect(logs.text()).toContain('{{$env.BOT_TOKEN}}');
      expect(logs.text()).not.toContain(BOT_TOKEN);
    } finally {
      logs.stop();
    }
  });
  it("gives the sender the admin's own origin when WEBHOOK_PUBLIC_URL is unset, for renewals too", async () => {
    const saved = process.env.WEBHOOK_PUBLIC_URL;
    delete process.env.WEBHOOK_PUBLIC_URL;
    try {
      const workflow = await createDisabled(['push']);
      const before = provider.calls.length;
      // A forwarded host from a peer that is not a trusted proxy is not believed.
      const enabled = await current().request(`/api/workflows:update?filterByTk=${workflow.id}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'X-Forwarded-Host': 'attacker.example',
        },
        body: JSON.stringify({ enabled: true }),
      });
      expect(enabled.status).toBe(200);
      const url = `${current().baseUrl}/api/webhook:trigger/${workflow.key}`;
      const subscribe = provider.calls[before];
      expect(subscribe).toMatchObject({ method: 'POST', body: { url } });
      const row = await current()
        .app.db.getModel('webhookSubscriptions')
        .findOne({ where: { workflowId: workflow.id } });
      expect(row?.get('webhookUrl')).toBe(url);
      expect((await api(`workflows:update?filterByTk=${workflow.id}`, { enabled: false })).status).toBe(200);
    } finally {
      process.env.WEBHOOK_PUBLIC_URL = saved;
    }
  });
});
