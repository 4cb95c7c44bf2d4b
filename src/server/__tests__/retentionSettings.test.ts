import { randomUUID } from 'crypto';
import { DELIVERIES_COLLECTION } from '../constants';
import { signInThreeRoles } from './helpers/accounts';
import { useEnvironment } from './helpers/environment';
import { useTestApp } from './helpers/testApp';
import { sleep } from './helpers/waitUntil';
import { createWebhookWorkflow } from './helpers/workflows';

describe('the retention settings', () => {
  // Sweep and prune often, and an env variable to fall back on.
  useEnvironment({ WEBHOOK_INBOX_SWEEP_MS: '200', WEBHOOK_INBOX_PRUNE_MS: '200', WEBHOOK_INBOX_MAX_REFUSED: '50' });
  const current = useTestApp();
  let admin: string;
  let member: string;
  let manager: string;

  const api = async (token: string | null, action: 'get' | 'put' | 'list' | 'create', body?: unknown) => {
    const response = await current().request(`/api/webhookSettings:${action}`, {
      method: action === 'get' || action === 'list' ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  const errorOf = (answer: { json: { errors?: Array<{ message: string }> } }) => answer.json.errors?.[0]?.message;

  beforeAll(async () => {
    ({ admin, member, manager } = await signInThreeRoles(current()));
  });

  it('reads as unset before any save, with the environment variables and defaults as the fallback', async () => {
    const answer = await api(admin, 'get');
    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual({
      maxAgeDays: null,
      maxRowsPerWorkflow: null,
      maxRefusedPerWorkflow: null,
      fallback: { maxAgeDays: 7, maxRowsPerWorkflow: 10_000, maxRefusedPerWorkflow: 50 },
      publicOrigin: null,
    });
  });

  it("says WEBHOOK_PUBLIC_URL's origin, the one the form shows a sender will be given", async () => {
    process.env.WEBHOOK_PUBLIC_URL = 'https://hooks.example.com/some/path';
    try {
      expect((await api(admin, 'get')).json.data.publicOrigin).toBe('https://hooks.example.com');
    } finally {
      delete process.env.WEBHOOK_PUBLIC_URL;
    }
  });

  it('refuses limits that are not positive, naming the field, with 400 and nothing stored', async () => {
    for (const [values, field] of [
      [{ maxRowsPerWorkflow: 0 }, 'maxRowsPerWorkflow'],
      [{ maxRowsPerWorkflow: 2.5 }, 'maxRowsPerWorkflow'],
      [{ maxRefusedPerWorkflow: 'many' }, 'maxRefusedPerWorkflow'],
      [{ maxAgeDays: -1 }, 'maxAgeDays'],
      [{ maxAgeDays: 1e9 }, 'maxAgeDays'],
      [{ maxAgeDays: true }, 'maxAgeDays'],
    ] as const) {
      const answer = await api(admin, 'put', values);
      expect([answer.status, errorOf(answer)]).toEqual([400, expect.stringContaining(field)]);
    }
    const notAnObject = await api(admin, 'put', [3]);
    expect(notAnObject.status).toBe(400);
    expect((await api(admin, 'get')).json.data).toMatchObject({
      maxAgeDays: null,
      maxRowsPerWorkflow: null,
      maxRefusedPerWorkflow: null,
    });
  });

  it('is read and changed only by roles that may manage plugin settings', async () => {
    expect((await api(manager, 'get')).status).toBe(200);
    expect((await api(manager, 'put', { maxAgeDays: 0.5 })).json.data).toMatchObject({ maxAgeDays: 0.5 });
    for (const [token, status] of [
      [member, 403],
      [null, 401],
    ] as const) {
      expect([(await api(token, 'get')).status, (await api(token, 'put', { maxAgeDays: 1 })).status]).toEqual([
        status,
        status,
      ]);
    }
    // One row, changed through `put` only.
    expect((await api(admin, 'list')).status).toBe(405);
    expect((await api(admin, 'create', { maxAgeDays: 1 })).status).toBe(405);
    expect((await api(admin, 'get')).json.data.maxAgeDays).toBe(0.5);
  });

  it('prunes by the stored limits at the next sweep, keeping failed deliveries, and an empty limit falls back again', async () => {
    const saved = await api(admin, 'put', { maxAgeDays: 7, maxRowsPerWorkflow: 3 });
    expect(saved.status).toBe(200);
    expect(saved.json.data).toMatchObject({ maxAgeDays: 7, maxRowsPerWorkflow: 3, maxRefusedPerWorkflow: null });

    const workflow = await createWebhookWorkflow(current(), { enabled: false });
    const base = {
      workflowId: workflow.id,
      workflowKey: workflow.key,
      method: 'POST',
      headers: {},
      query: {},
      body: null,
    };
    const rows = ['finished', 'failed', 'finished', 'finished', 'failed', 'finished', 'finished'].map((state, n) => ({
      ...base,
      state,
      eventKey: `webhook:${randomUUID()}`,
      receivedAt: new Date(Date.now() - (10 - n) * 1000),
    }));
    const model = current().app.db.getModel(DELIVERIES_COLLECTION);
    await model.bulkCreate(rows);
    const left = async () =>
      (await model.findAll({
        where: { workflowId: workflow.id },
        order: [['id', 'ASC']],
        raw: true,
      })) as unknown as Array<{
        state: string;
        eventKey: string;
      }>;
    let kept = await left();
    for (let attempt = 0; attempt < 100 && kept.length > 5; attempt += 1) {
      await sleep(100);
      kept = await left();
    }
    expect(kept.map((row) => row.state)).toEqual(['failed', 'finished', 'failed', 'finished', 'finished']);
    expect(kept.filter((row) => row.state === 'finished').map((row) => row.eventKey)).toEqual(
      rows
        .slice(3)
        .filter((row) => row.state === 'finished')
        .map((row) => row.eventKey),
    );

    // Cleared: the default (10,000 rows) applies again, so nothing more goes.
    const cleared = await api(admin, 'put', { maxRowsPerWorkflow: null });
    expect(cleared.json.data).toMatchObject({ maxRowsPerWorkflow: null, fallback: { maxRowsPerWorkflow: 10_000 } });
    await model.bulkCreate([
      { ...base, state: 'finished', eventKey: `webhook:${randomUUID()}`, receivedAt: new Date() },
    ]);
    await sleep(1000);
    expect(await left()).toHaveLength(6);
  });
});
