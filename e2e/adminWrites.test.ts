import { EXECUTION_STATUS } from '@nocobase/plugin-workflow';
import { RunningApp, startRunningApp } from './helpers/runningApp';
import { sleep, waitUntil } from './helpers/waitUntil';

const ASYNC_DELIVERIES = 200;
const WRITES = 8;

async function statusOf(request: Promise<Response>): Promise<number> {
  try {
    const response = await request;
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

describe('the embedded SQLite database under a burst', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startRunningApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('takes admin writes and sync deliveries while 200 async deliveries drain, without one failure', async () => {
    const token = await app.signIn();
    const create = (values: object) =>
      app
        .api<{ data: { id: number; key: string } }>('workflows:create', { token, body: values })
        .then(({ data }) => data);
    const drained = await create({ title: 'burst', type: 'webhook', sync: false, enabled: false, config: {} });
    await app.api(`workflows/${drained.id}/nodes:create`, {
      token,
      body: { type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } },
    });
    await app.api(`workflows:update?filterByTk=${drained.id}`, { token, body: { enabled: true } });
    const answering = await create({ title: 'sync', type: 'webhook', sync: true, enabled: false, config: {} });
    await app.api(`workflows/${answering.id}/nodes:create`, {
      token,
      body: { type: 'response', config: { statusCode: 200, body: { ok: true } } },
    });
    await app.api(`workflows:update?filterByTk=${answering.id}`, { token, body: { enabled: true } });

    const post = (key: string, n: number) =>
      fetch(`${app.baseUrl}/api/webhook:trigger/${key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ n }),
      });
    const asyncStatuses = await Promise.all(
      Array.from({ length: ASYNC_DELIVERIES }, (_, n) => statusOf(post(drained.key, n))),
    );
    expect(asyncStatuses.filter((status) => status !== 200)).toEqual([]);

    // While those drain: one admin write or sync delivery every 250 ms, each checked.
    const api = (pathname: string, body: object) =>
      fetch(`${app.baseUrl}/api/${pathname}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const outcomes: Array<Promise<{ what: string; status: number }>> = [];
    for (let i = 0; i < WRITES; i += 1) {
      const steps: Array<[string, () => Promise<Response>]> = [
        [
          'workflows:create',
          () => api('workflows:create', { title: `edit ${i}`, type: 'webhook', sync: false, config: {} }),
        ],
        ['workflows:update', () => api(`workflows:update?filterByTk=${answering.id}`, { description: `edit ${i}` })],
        ['sync delivery', () => post(answering.key, i)],
      ];
      for (const [what, send] of steps) {
        outcomes.push(statusOf(send()).then((status) => ({ what, status })));
        await sleep(250);
      }
    }
    const failures = (await Promise.all(outcomes)).filter((outcome) => outcome.status !== 200);
    console.log(
      `[sqlite] ${outcomes.length} admin writes and sync deliveries during the drain, ${failures.length} failed`,
    );
    expect(failures).toEqual([]);

    await waitUntil(
      async () => {
        const page = await app.api<{ meta: { count: number } }>(
          `executions:list?pageSize=1&filter=${encodeURIComponent(JSON.stringify({ workflowId: drained.id, status: EXECUTION_STATUS.RESOLVED }))}`,
          { token },
        );
        return page.meta.count === ASYNC_DELIVERIES;
      },
      'every async delivery resolved',
      120_000,
    );
  });
});
