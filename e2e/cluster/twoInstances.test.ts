import path from 'path';
import { FlowApi } from '../helpers/flowApi';
import { flakyService } from '../helpers/flakyService';
import { freshServerDatabase, ServerDatabase } from '../../src/server/__tests__/helpers/databases';
import { RunningApp, startRunningApp } from '../helpers/runningApp';
import { waitUntil } from '../helpers/waitUntil';
import { startFakeProvider } from '../../src/server/__tests__/helpers/fakeProvider';

const CONCURRENCY = 20;

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end(): Promise<void>;
}

/** Rows of one query on the shared database itself, not through either instance. */
async function queryShared(database: ServerDatabase, sql: string, values: unknown[]) {
  const modules = path.resolve(__dirname, '..', '..', 'node_modules');
  const { Client } = require(require.resolve('pg', { paths: [modules] }));
  const { DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_DATABASE } = database.overrides;
  const client: PgClient = new Client({
    host: DB_HOST,
    port: Number(DB_PORT),
    user: DB_USER,
    password: DB_PASSWORD,
    database: DB_DATABASE,
  });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Runs per delivery number. */
async function runsByDelivery(database: ServerDatabase, workflowId: number): Promise<Map<number, number>> {
  const rows = await queryShared(
    database,
    `SELECT (context->'body'->>'n')::int AS n, COUNT(*)::int AS runs FROM executions WHERE "workflowId" = $1 GROUP BY 1`,
    [workflowId],
  );
  return new Map(rows.map((row) => [Number(row.n), Number(row.runs)]));
}

/** Executions per (delivery number, attempt). */
async function runsByAttempt(database: ServerDatabase, workflowId: number): Promise<Map<string, number>> {
  const rows = await queryShared(
    database,
    `SELECT (context->'body'->>'n')::int AS n, (context->>'attempt')::int AS attempt, COUNT(*)::int AS runs
     FROM executions WHERE "workflowId" = $1 GROUP BY 1, 2`,
    [workflowId],
  );
  return new Map(rows.map((row) => [`${row.n}#${row.attempt}`, Number(row.runs)]));
}

/** Sends deliveries n = from … from+count-1, at most CONCURRENCY at once, to `pick(n)`. */
async function deliver(
  pick: (n: number) => RunningApp,
  key: string,
  from: number,
  count: number,
  onAnswer?: (n: number) => void,
) {
  const answered: number[] = [];
  let next = from;
  const worker = async () => {
    while (next < from + count) {
      const n = next++;
      try {
        const response = await fetch(`${pick(n).baseUrl}/api/webhook:trigger/${key}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ n }),
        });
        if (response.ok) {
          answered.push(n);
          onAnswer?.(n);
        }
      } catch {
        // The instance was killed: not acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answered;
}

/** What a GET to the URL says: 404 while the instance does not serve the key, 405 once it does. */
async function serves(app: RunningApp, key: string) {
  const response = await fetch(`${app.baseUrl}/api/webhook:trigger/${key}`);
  return response.status === 405;
}

describe('two app instances on one PostgreSQL database', () => {
  let database: ServerDatabase;
  let env: Record<string, string>;
  const runsOf = (workflowId: number) => runsByDelivery(database, workflowId);
  let a: RunningApp;
  let b: RunningApp;

  beforeAll(async () => {
    if (process.env.DB_DIALECT !== 'postgres' || !process.env.CACHE_REDIS_URL) {
      throw new Error('run with `npm run test:cluster`, which provides a PostgreSQL server and Redis');
    }
    database = await freshServerDatabase('postgres', 'webhook_cluster');
    // Rows a dead instance stored are taken over after 5 s instead of a minute, to keep the test short.
    // NocoBase's cache on Redis, as a cluster runs it: the rate limit's counter is shared there.
    env = {
      DB_PASSWORD: '',
      ...database.overrides,
      WEBHOOK_INBOX_TAKEOVER_MS: '5000',
      // Due retries are picked up by the inbox sweep: a short one keeps the retry test short.
      WEBHOOK_INBOX_SWEEP_MS: '500',
      CACHE_DEFAULT_STORE: 'redis',
      CACHE_REDIS_URL: process.env.CACHE_REDIS_URL,
      // Subscriptions need an absolute URL to hand the sender; the fake sender never calls it.
      WEBHOOK_PUBLIC_URL: 'http://127.0.0.1:9',
    };
    a = await startRunningApp({ env });
    b = await startRunningApp({ env });
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('serves changes made through the other instance, runs alternating deliveries once, and survives a killed instance', async () => {
    const token = await a.signIn();
    const { data: workflow } = await a.api<{ data: { id: number; key: string } }>('workflows:create', {
      token,
      body: { title: 'cluster', type: 'webhook', sync: false, enabled: true, config: {} },
    });

    // Enabled through A: B serves it within 5 s.
    const enabledAt = Date.now();
    await waitUntil(() => serves(b, workflow.key), 'B serving the workflow enabled through A', 5_000);
    console.log(`[cluster] B served the workflow enabled through A after ${Date.now() - enabledAt} ms`);

    // Alternating deliveries: every acknowledged one runs exactly once.
    const alternating = await deliver((n) => (n % 2 ? b : a), workflow.key, 0, 200);
    expect(alternating).toHaveLength(200);
    await waitUntil(
      async () => (await runsOf(workflow.id)).size >= 200,
      'a run for each alternating delivery',
      120_000,
    );

    // Disabled through A: B answers 404 within 5 s.
    await a.api(`workflows:update?filterByTk=${workflow.id}`, { token, body: { enabled: false } });
    const disabledAt = Date.now();
    await waitUntil(async () => !(await serves(b, workflow.key)), 'B no longer serving the disabled workflow', 5_000);
    console.log(`[cluster] B stopped serving the workflow disabled through A after ${Date.now() - disabledAt} ms`);

    // Enabled again; B is killed mid-burst; A starts what B had stored and not run.
    await a.api(`workflows:update?filterByTk=${workflow.id}`, { token, body: { enabled: true } });
    await waitUntil(() => serves(b, workflow.key), 'B serving the workflow again', 5_000);
    let killed: Promise<void> | null = null;
    let answeredByB = 0;
    const burst = await deliver(
      (n) => (n % 2 && !killed ? b : a),
      workflow.key,
      1000,
      200,
      (n) => {
        if (n % 2 && ++answeredByB === 40) {
          killed = b.kill();
        }
      },
    );
    await killed;
    await waitUntil(
      async () => {
        const runs = await runsOf(workflow.id);
        return burst.every((n) => runs.has(n));
      },
      'a run for each delivery acknowledged before and after the kill',
      120_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const runs = await runsOf(workflow.id);
    console.log(
      `[cluster] burst with B killed after 40 of its answers: ${burst.length} acknowledged, ${burst.filter((n) => runs.get(n) === 1).length} ran once`,
    );
    expect([...alternating, ...burst].filter((n) => runs.get(n) !== 1)).toEqual([]);
    expect([...runs.values()].filter((count) => count > 1)).toEqual([]);
  });

  it('runs a delivery id sent to both instances at once exactly once', async () => {
    // B was killed above: it comes back as a new process on the same database.
    b = await startRunningApp({ env });
    const token = await a.signIn();
    const { data: workflow } = await a.api<{ data: { id: number; key: string } }>('workflows:create', {
      token,
      body: {
        title: 'cluster idempotency',
        type: 'webhook',
        sync: false,
        enabled: true,
        config: { idempotency: { header: 'X-Delivery' } },
      },
    });
    await waitUntil(() => serves(b, workflow.key), 'B serving the workflow enabled through A', 5_000);

    const post = (app: RunningApp, n: number) =>
      fetch(`${app.baseUrl}/api/webhook:trigger/${workflow.key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Delivery': `delivery-${n}` },
        body: JSON.stringify({ n }),
      });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => Promise.all([post(a, n), post(b, n)])));
    for (const pair of answers) {
      expect(pair.map((response) => response.status)).toEqual([200, 200]);
      expect(pair.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
    }
    await waitUntil(async () => (await runsOf(workflow.id)).size >= 20, 'a run for each delivery id', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const runs = await runsOf(workflow.id);
    expect([...runs.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect(runs.size).toBe(20);
  });

  it("counts a workflow's rate limit across both instances", async () => {
    const token = await a.signIn();
    const { data: workflow } = await a.api<{ data: { id: number; key: string } }>('workflows:create', {
      token,
      body: {
        title: 'cluster rate limit',
        type: 'webhook',
        sync: false,
        enabled: true,
        config: { limits: { rateLimit: { requests: 10, per: 60 } } },
      },
    });
    await waitUntil(() => serves(b, workflow.key), 'B serving the workflow enabled through A', 5_000);
    // Away from the end of a 60 s window, so that all twelve requests are counted in one.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 50_000) {
      await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 100));
    }
    const statuses: number[] = [];
    for (let n = 0; n < 12; n += 1) {
      const app = n % 2 ? b : a;
      const response = await fetch(`${app.baseUrl}/api/webhook:trigger/${workflow.key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ n }),
      });
      statuses.push(response.status);
    }
    console.log(`[cluster] rate limit 10 per 60 s, 12 requests alternating between A and B: ${statuses.join(' ')}`);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('hands a listened request to the designer whichever instance it reaches', async () => {
    const token = await a.signIn();
    const { data: workflow } = await a.api<{ data: { id: number; key: string } }>('workflows:create', {
      token,
      body: { title: 'cluster listen', type: 'webhook', sync: false, enabled: false, config: {} },
    });
    const { data: listener } = await a.api<{ data: { id: number } }>('webhookDeliveries:listen', {
      token,
      body: { workflowId: workflow.id },
    });
    // B learns of A's listener from the database within a second or so.
    await waitUntil(
      async () => {
        const answer = await fetch(`${b.baseUrl}/api/webhook:trigger/${workflow.key}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ from: 'B' }),
        });
        return answer.status === 200;
      },
      'B handing the request over',
      10_000,
    );
    const { data: result } = await a.api<{ data: { status: string; request: { body: unknown } } }>(
      `webhookDeliveries:listened?filterByTk=${listener.id}`,
      { token },
    );
    expect(result).toMatchObject({ status: 'captured', request: { body: { from: 'B' } } });
  });

  it('renews a subscription once although both instances look for due renewals', async () => {
    const provider = await startFakeProvider({ lifetimeMs: 3_000 });
    try {
      const token = await a.signIn();
      const { data: workflow } = await a.api<{ data: { id: number } }>('workflows:create', {
        token,
        body: {
          title: 'cluster subscription',
          type: 'webhook',
          sync: false,
          enabled: true,
          config: {
            subscription: {
              subscribe: {
                url: `${provider.url}/hooks`,
                body: { url: '{{$webhook.url}}' },
                state: { id: '{{$response.body.id}}' },
                nextRefreshAt: '{{$response.body.expiresAt}}',
              },
              refresh: {
                method: 'PATCH',
                url: `${provider.url}/hooks/{{$state.id}}`,
                nextRefreshAt: '{{$response.body.expiresAt}}',
              },
            },
          },
        },
      });
      expect(workflow.id).toBeTruthy();
      await waitUntil(async () => provider.calls.some((call) => call.method === 'PATCH'), 'a renewal', 15_000);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const renewals = provider.calls.filter((call) => call.method === 'PATCH');
      console.log(`[cluster] subscription renewals seen by the sender with two instances sweeping: ${renewals.length}`);
      expect(renewals).toHaveLength(1);
    } finally {
      await provider.close();
    }
  });
  it('runs each attempt of retried deliveries exactly once while both instances sweep', async () => {
    const service = await flakyService(2);
    try {
      const token = await a.signIn();
      const flows = new FlowApi(a, token);
      const workflow = await flows.createWorkflow({
        title: 'cluster retries',
        type: 'webhook',
        config: { retry: { attempts: 3, delay: 1, backoff: 'fixed' } },
      });
      await flows.createNode(workflow.id, {
        type: 'request',
        title: 'flaky CRM',
        config: { url: service.url, method: 'POST', data: { n: '{{$context.body.n}}' }, timeout: 5000 },
      });
      await flows.enable(workflow.id);
      await waitUntil(() => serves(b, workflow.key), 'B serving the retrying workflow', 10_000);

      const count = 10;
      const answered = await deliver((n) => (n % 2 ? b : a), workflow.key, 0, count);
      expect(answered).toHaveLength(count);
      const startedAt = Date.now();
      await waitUntil(
        async () =>
          [...(await runsByAttempt(database, workflow.id)).values()].reduce((sum, runs) => sum + runs, 0) >= 3 * count,
        'three attempts of every delivery',
        60_000,
      );
      // Settle: an attempt started twice would show up as a second execution of the same attempt.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const runs = await runsByAttempt(database, workflow.id);
      console.log(`[cluster] ${count} deliveries × 3 attempts ran in ${Date.now() - startedAt} ms on two instances`);
      for (let n = 0; n < count; n += 1) {
        expect([1, 2, 3].map((attempt) => runs.get(`${n}#${attempt}`) ?? 0)).toEqual([1, 1, 1]);
        expect(service.calls.get(String(n))).toBe(3);
      }
    } finally {
      await service.close();
    }
  });
});
