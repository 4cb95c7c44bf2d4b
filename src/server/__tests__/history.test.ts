import { signInThreeRoles } from './helpers/accounts';
import { useTestApp } from './helpers/testApp';
import { sleep, waitUntil } from './helpers/waitUntil';
import { basicAuth, createWebhookWorkflow, executionsOf, postJson, waitForExecutions } from './helpers/workflows';

interface Row {
  id: number;
  state: string;
  method: string;
  answerStatus: number | null;
  error: string | null;
  headers: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  executionId: number | null;
  replayOf: number | null;
}

describe('the delivery history API', () => {
  const current = useTestApp();
  let admin: string;
  let member: string;
  let manager: string;

  const api = async (token: string | null, action: string, init: { query?: string; body?: unknown } = {}) => {
    const response = await current().request(`/api/webhookDeliveries:${action}${init.query ?? ''}`, {
      method:
        init.body === undefined && (action === 'list' || action === 'get' || action === 'listened') ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  const listOf = async (workflowId: number) =>
    (
      await api(admin, 'list', {
        query: `?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&sort=-id&pageSize=50`,
      })
    ).json.data as Row[];

  beforeAll(async () => {
    ({ admin, member, manager } = await signInThreeRoles(current()));
  });

  it('lists runs, refusals (without what a refused caller sent) and repeats, newest first', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { auth: { type: 'basic', username: 'hook', password: 's3cret' }, idempotency: { header: 'X-Delivery' } },
    });
    const good = { Authorization: basicAuth('hook', 's3cret'), 'X-Delivery': 'd-1' };
    expect((await postJson(current(), workflow.key, { order: 1 }, { headers: good })).status).toBe(200);
    expect((await postJson(current(), workflow.key, { order: 1 }, { headers: good })).status).toBe(200);
    expect(
      (
        await postJson(
          current(),
          workflow.key,
          { secret: 'card' },
          { headers: { Authorization: basicAuth('hook', 'guess') }, query: '?token=t' },
        )
      ).status,
    ).toBe(401);
    expect((await postJson(current(), workflow.key, '{"order": ', { headers: good, query: '?page=2' })).status).toBe(
      400,
    );
    await waitForExecutions(current(), workflow.id, 1);

    let rows: Row[] = [];
    for (let attempt = 0; attempt < 100 && (rows.length < 4 || rows[3].state !== 'finished'); attempt += 1) {
      rows = await listOf(workflow.id);
      await sleep(100);
    }
    expect(rows.map((row) => [row.state, row.answerStatus])).toEqual([
      ['refused', 400],
      ['refused', 401],
      ['duplicate', 200],
      ['finished', 200],
    ]);
    const [malformed, unauthorised, duplicate, ran] = rows;
    expect(malformed).toMatchObject({
      error: expect.stringMatching(/^Malformed JSON body/),
      body: '{"order": ',
      query: { page: '2' },
    });
    expect(unauthorised).toMatchObject({ error: 'Invalid credentials', headers: {}, query: {}, body: null });
    expect(JSON.stringify(unauthorised)).not.toMatch(/card|guess|token/);
    expect(duplicate.error).toBe('duplicate delivery id');
    expect(ran.executionId).toEqual(expect.anything());

    const detail = await api(admin, 'get', { query: `?filterByTk=${ran.id}` });
    expect(detail.status).toBe(200);
    expect(detail.json.data).toMatchObject({ id: ran.id, body: { order: 1 }, state: 'finished' });
  });

  it('replays stored deliveries as new runs with the same context, never stopped by idempotency', async () => {
    const workflow = await createWebhookWorkflow(current(), { config: { idempotency: { header: 'X-Delivery' } } });
    await postJson(current(), workflow.key, { order: 7 }, { headers: { 'X-Delivery': 'once' }, query: '?a=1' });
    const [first] = await waitForExecutions(current(), workflow.id, 1);
    let [original] = await listOf(workflow.id);
    for (let attempt = 0; attempt < 50 && original.executionId == null; attempt += 1) {
      await sleep(100);
      [original] = await listOf(workflow.id);
    }

    const replayed = await api(admin, 'replay', { query: `?filterByTk=${original.id}` });
    expect(replayed.status).toBe(200);
    expect(replayed.json.data).toEqual([expect.objectContaining({ replayOf: original.id })]);
    const runs = await waitForExecutions(current(), workflow.id, 2);
    expect(runs).toHaveLength(2);
    expect(runs[1].context).toEqual(first.context);
    const [replayRow] = await listOf(workflow.id);
    expect(replayRow).toMatchObject({ replayOf: original.id, id: replayed.json.data[0].id });

    // Several at once, and refusals are refused.
    const many = await api(admin, 'replay', { body: { ids: [original.id, replayRow.id] } });
    expect(many.json.data).toHaveLength(2);
    await waitForExecutions(current(), workflow.id, 4);
    expect((await api(admin, 'replay', { query: '?filterByTk=999999' })).status).toBe(400);
  });

  it('refuses the history to roles that may not manage workflows and to anonymous callers, and rows cannot be written', async () => {
    const workflow = await createWebhookWorkflow(current());
    await postJson(current(), workflow.key, { order: 1 });
    await waitForExecutions(current(), workflow.id, 1);
    const [row] = await listOf(workflow.id);
    // The "admin" role may manage workflows, and so read the history.
    expect((await api(manager, 'get', { query: `?filterByTk=${row.id}` })).status).toBe(200);
    expect((await api(manager, 'list')).status).toBe(200);
    // A signed-in member is forbidden (403); an anonymous caller is asked to sign in (401).
    for (const [token, status] of [
      [member, 403],
      [null, 401],
    ] as const) {
      const answers = [
        await api(token, 'list'),
        await api(token, 'get', { query: `?filterByTk=${row.id}` }),
        await api(token, 'replay', { query: `?filterByTk=${row.id}` }),
        await api(token, 'listen', { body: { workflowId: workflow.id } }),
      ];
      expect(answers.map((answer) => [answer.status, JSON.stringify(answer.json).slice(0, 120)])).toEqual(
        answers.map(() => [status, expect.anything()]),
      );
    }
    expect(
      (await api(admin, 'create', { body: { workflowId: workflow.id, state: 'stored', eventKey: 'webhook:forged' } }))
        .status,
    ).toBe(405);
    expect((await api(admin, 'update', { query: `?filterByTk=${row.id}`, body: { state: 'stored' } })).status).toBe(
      405,
    );
    expect(await executionsOf(current(), workflow.id)).toHaveLength(1);
  });

  it('hands the next request to a listening designer: answered 200 with no run while disabled, run as usual while enabled', async () => {
    const disabled = await createWebhookWorkflow(current(), { enabled: false });
    expect((await postJson(current(), disabled.key, {})).status).toBe(404);
    const listening = await api(admin, 'listen', { body: { workflowId: disabled.id } });
    expect(listening.status).toBe(200);
    const listenerId = listening.json.data.id;
    expect((await api(admin, 'listened', { query: `?filterByTk=${listenerId}` })).json.data.status).toBe('waiting');

    const caught = await postJson(
      current(),
      disabled.key,
      { order: { id: 'T-1' } },
      {
        headers: { 'X-Shop': 'acme', Authorization: 'Bearer sk_live_secret' },
        query: '?source=test',
      },
    );
    expect(caught.status).toBe(200);
    expect(await caught.json()).toMatchObject({ listened: true });
    const result = (await api(admin, 'listened', { query: `?filterByTk=${listenerId}` })).json.data;
    expect(result).toMatchObject({
      status: 'captured',
      request: {
        method: 'POST',
        query: { source: 'test' },
        body: { order: { id: 'T-1' } },
        headers: { 'x-shop': 'acme' },
      },
    });
    expect(result.request.headers.authorization).not.toContain('sk_live_secret');
    // Only the next request: afterwards the disabled workflow answers 404 again, and nothing ran.
    expect((await postJson(current(), disabled.key, {})).status).toBe(404);
    expect(await executionsOf(current(), disabled.id)).toHaveLength(0);

    const enabled = await createWebhookWorkflow(current());
    const second = (await api(admin, 'listen', { body: { workflowId: enabled.id } })).json.data.id;
    expect((await postJson(current(), enabled.key, { live: true })).status).toBe(200);
    await waitForExecutions(current(), enabled.id, 1);
    let copy = (await api(admin, 'listened', { query: `?filterByTk=${second}` })).json.data;
    for (let attempt = 0; attempt < 50 && copy.status !== 'captured'; attempt += 1) {
      await sleep(100);
      copy = (await api(admin, 'listened', { query: `?filterByTk=${second}` })).json.data;
    }
    expect(copy.request.body).toEqual({ live: true });

    const third = (await api(admin, 'listen', { body: { workflowId: disabled.id } })).json.data.id;
    await api(admin, 'stopListening', { query: `?filterByTk=${third}` });
    await sleep(1500);
    expect((await postJson(current(), disabled.key, {})).status).toBe(404);
  });

  it('masks every credential-like header and query parameter of a captured request', async () => {
    const workflow = await createWebhookWorkflow(current(), { enabled: false });
    const listenerId = (await api(admin, 'listen', { body: { workflowId: workflow.id } })).json.data.id;
    const credentials = {
      'X-Auth': 'hdr-auth-1',
      'X-Webhook-Key': 'hdr-key-2',
      'X-Access-Key': 'hdr-key-3',
      'Private-Key': 'hdr-key-4',
      'X-Session-Id': 'hdr-session-5',
      Cookie: 'sid=hdr-cookie-6',
    };
    const caught = await postJson(
      current(),
      workflow.key,
      { order: 1 },
      {
        headers: { ...credentials, 'X-Shop': 'acme' },
        query:
          '?access_token=q-token-1&api_key=q-key-2&hub.verify_token=q-token-3&code=q-code-4&page=2&hub.challenge=c-5',
      },
    );
    expect(caught.status).toBe(200);
    const { request } = (await api(admin, 'listened', { query: `?filterByTk=${listenerId}` })).json.data;
    const masked = '••••••';
    expect(request.headers).toMatchObject({
      'x-auth': masked,
      'x-webhook-key': masked,
      'x-access-key': masked,
      'private-key': masked,
      'x-session-id': masked,
      cookie: masked,
      'x-shop': 'acme',
    });
    expect(request.query).toEqual({
      access_token: masked,
      api_key: masked,
      hub: { verify_token: masked, challenge: 'c-5' },
      code: masked,
      page: '2',
    });
    expect(JSON.stringify(request)).not.toMatch(/hdr-|q-token|q-key|q-code/);
  });

  it('deletes a capture an hour after its listening window ended', async () => {
    const workflow = await createWebhookWorkflow(current(), { enabled: false });
    const listeners = current().app.db.getModel('webhookListeners');
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const request = {
      method: 'POST',
      headers: { 'x-shop': 'acme' },
      query: {},
      body: { card: '4111' },
      receivedAt: minutesAgo(61).toISOString(),
    };
    const old = await listeners.create({
      workflowId: workflow.id,
      workflowKey: workflow.key,
      capturedAt: minutesAgo(61),
      expiresAt: minutesAgo(60),
      request,
    });
    const oldUncaptured = await listeners.create({
      workflowId: workflow.id,
      workflowKey: workflow.key,
      expiresAt: minutesAgo(61),
    });
    const recent = await listeners.create({
      workflowId: workflow.id,
      workflowKey: workflow.key,
      capturedAt: minutesAgo(59),
      expiresAt: minutesAgo(58),
      request,
    });

    // Every instance reads the listeners once a second; the same read removes what ended an hour ago.
    await waitUntil(
      async () => (await listeners.count({ where: { workflowId: workflow.id } })) === 1,
      'the old rows deleted',
      10_000,
    );
    expect((await listeners.findOne({ where: { workflowId: workflow.id } }))?.get('id')).toBe(recent.get('id'));
    for (const gone of [old, oldUncaptured]) {
      expect((await api(admin, 'listened', { query: `?filterByTk=${gone.get('id')}` })).status).toBe(404);
    }
    expect((await api(admin, 'listened', { query: `?filterByTk=${recent.get('id')}` })).json.data).toMatchObject({
      status: 'captured',
      request: { body: { card: '4111' } },
    });
  });
});
