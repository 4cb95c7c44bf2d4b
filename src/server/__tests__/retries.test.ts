import { randomUUID } from 'crypto';
import http from 'http';
import { AddressInfo } from 'net';
import PluginWorkflowServer, { EXECUTION_STATUS, JOB_STATUS } from '@nocobase/plugin-workflow';
import type { AttemptRecord } from '../../common/deliveries';
import { DELIVERIES_COLLECTION } from '../constants';
import { DeliveryAttempts } from '../inbox/DeliveryAttempts';
import { useEnvironment } from './helpers/environment';
import { signIn } from './helpers/accounts';
import { EndWithInstruction } from './helpers/endWithInstruction';
import { useTestApp } from './helpers/testApp';
import { sleep, waitUntil } from './helpers/waitUntil';
import { createWebhookWorkflow, executionsOf, postJson } from './helpers/workflows';

interface Row {
  id: number;
  state: string;
  sync: boolean;
  eventKey: string;
  executionId: number | null;
  attempt: number;
  nextAttemptAt: string | null;
  attemptLog: AttemptRecord[] | null;
}

/** A service a workflow's HTTP request node calls: it answers 500 to the first `failures` calls of each path. */
function flakyService() {
  const calls = new Map<string, Array<{ at: number; attempt: unknown }>>();
  const failuresOf = (path: string) => Number(new URL(path, 'http://x').searchParams.get('failures') ?? 0);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const seen = calls.get(path) ?? [];
      seen.push({ at: Date.now(), attempt: body ? (JSON.parse(body) as { attempt?: unknown }).attempt : undefined });
      calls.set(path, seen);
      res.statusCode = seen.length <= failuresOf(path) ? 500 : 200;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ call: seen.length }));
    });
  });
  return {
    calls: (path: string) => calls.get(path) ?? [],
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('automatic retries of failed async runs', () => {
  // A sweeper that looks often, so that one-second retries are on time; the request node may call
  // the local service without a warning on every call.
  useEnvironment({ WEBHOOK_INBOX_SWEEP_MS: '200', SERVER_REQUEST_WHITELIST: '127.0.0.1' });
  const service = flakyService();
  let serviceUrl: string;
  beforeAll(async () => {
    serviceUrl = await service.listen();
  });
  afterAll(() => service.close());

  const current = useTestApp(
    ({ app }) => {
      const workflowPlugin = app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
      workflowPlugin.registerInstruction('test-end-with', new EndWithInstruction(workflowPlugin));
    },
    { extraPlugins: ['workflow-request'] },
  );
  let admin: string;
  beforeAll(async () => {
    admin = await signIn(current(), 'admin@nocobase.com', 'admin123');
  });

  const rowsOf = async (workflowId: number) =>
    (
      await current()
        .app.db.getModel(DELIVERIES_COLLECTION)
        .findAll({ where: { workflowId }, order: [['id', 'ASC']] })
    ).map((row) => row.toJSON() as Row);
  const waitForState = async (workflowId: number, state: string, timeoutMs = 30_000) => {
    await waitUntil(async () => (await rowsOf(workflowId))[0]?.state === state, `delivery state ${state}`, timeoutMs);
    return (await rowsOf(workflowId))[0];
  };
  const historyRow = async (id: number) => {
    const response = await current().request(`/api/webhookDeliveries:get?filterByTk=${id}`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: Row }).data;
  };
  const requestNode = (path: string) => ({
    type: 'request',
    config: { url: `${serviceUrl}${path}`, method: 'POST', data: { attempt: '{{$context.attempt}}' }, timeout: 5000 },
  });

  it('runs a delivery whose first two runs fail three times, the third resolved', async () => {
    const path = '/crm?failures=2';
    const workflow = await createWebhookWorkflow(current(), {
      config: { retry: { attempts: 5, delay: 1, backoff: 'exponential', maxDelay: 60, on: ['failed', 'error'] } },
      nodes: [requestNode(path)],
    });
    expect((await postJson(current(), workflow.key, { order: 1 })).status).toBe(200);

    const row = await waitForState(workflow.id, 'finished');
    const executions = await executionsOf(current(), workflow.id);
    expect(executions.map((execution) => execution.status)).toEqual([
      EXECUTION_STATUS.FAILED,
      EXECUTION_STATUS.FAILED,
      EXECUTION_STATUS.RESOLVED,
    ]);
    expect(executions.map((execution) => execution.context.attempt)).toEqual([1, 2, 3]);
    expect(executions.map((execution) => (execution.context.body as { order: number }).order)).toEqual([1, 1, 1]);
    const calls = service.calls(path);
    expect(calls.map((call) => Number(call.attempt))).toEqual([1, 2, 3]);

    // Each attempt has its own event key: the first one's, then `#2`, `#3`.
    const eventKeys = (
      (await current()
        .app.db.getModel('executions')
        .findAll({ where: { workflowId: workflow.id }, order: [['id', 'ASC']], raw: true })) as unknown as Array<{
        eventKey: string;
      }>
    ).map((execution) => execution.eventKey);
    expect(eventKeys[1]).toBe(`${eventKeys[0]}#2`);
    expect(eventKeys[2]).toBe(`${eventKeys[0]}#3`);
    expect(row.eventKey).toBe(eventKeys[2]);

    const shown = await historyRow(row.id);
    expect(shown).toMatchObject({ state: 'finished', attempt: 3, nextAttemptAt: null });
    expect(Number(shown.executionId)).toBe(Number(executions[2].id));
    expect(shown.attemptLog?.map(({ attempt, status }) => ({ attempt, status }))).toEqual([
      { attempt: 1, status: EXECUTION_STATUS.FAILED },
      { attempt: 2, status: EXECUTION_STATUS.FAILED },
      { attempt: 3, status: EXECUTION_STATUS.RESOLVED },
    ]);
    expect(shown.attemptLog?.map((entry) => Number(entry.executionId))).toEqual(executions.map((e) => Number(e.id)));
    expect(shown.attemptLog?.[0].error).toMatch(/status code 500/);
    expect(shown.attemptLog?.[2].error).toBeNull();

    // Waits of 1 s then 2 s (±20 %), plus up to a sweep and the run itself.
    const gaps = calls.slice(1).map((call, n) => (call.at - calls[n].at) / 1000);
    console.log(`[retries] measured timeline: attempt 1 → 2 after ${gaps[0]} s, attempt 2 → 3 after ${gaps[1]} s`);
    expect(gaps[0]).toBeGreaterThanOrEqual(0.8);
    expect(gaps[0]).toBeLessThan(3);
    expect(gaps[1]).toBeGreaterThanOrEqual(1.6);
    expect(gaps[1]).toBeLessThan(4);
  });

  it('gives a delivery up after its last attempt fails, and starts nothing more', async () => {
    const path = '/down?failures=100';
    const workflow = await createWebhookWorkflow(current(), {
      config: { retry: { attempts: 3, delay: 1, backoff: 'fixed' } },
      nodes: [requestNode(path)],
    });
    expect((await postJson(current(), workflow.key, { order: 2 })).status).toBe(200);

    const row = await waitForState(workflow.id, 'gaveUp');
    expect(row).toMatchObject({ attempt: 3, nextAttemptAt: null });
    expect(row.attemptLog?.map((entry) => entry.attempt)).toEqual([1, 2, 3]);
    expect(row.attemptLog?.every((entry) => entry.status === EXECUTION_STATUS.FAILED)).toBe(true);
    await sleep(2000);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(3);
    expect(service.calls(path)).toHaveLength(3);
    expect((await historyRow(row.id)).state).toBe('gaveUp');
  });

  it.each([
    ['rejected', JOB_STATUS.REJECTED],
    ['canceled', JOB_STATUS.CANCELED],
  ])('never retries a %s run, which a designer chose', async (_outcome, status) => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { retry: { attempts: 3, delay: 1, on: ['failed', 'error', 'aborted'] } },
      nodes: [{ type: 'test-end-with', config: { status } }],
    });
    expect((await postJson(current(), workflow.key, {})).status).toBe(200);
    const row = await waitForState(workflow.id, 'failed');
    await sleep(1500);
    const executions = await executionsOf(current(), workflow.id);
    expect(executions.map((execution) => execution.status)).toEqual([status]);
    expect(row.attemptLog).toEqual([expect.objectContaining({ attempt: 1, status })]);
  });

  it('retries only the outcomes the workflow names', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { retry: { attempts: 3, delay: 1, on: ['failed'] } },
      nodes: [{ type: 'test-end-with', config: { status: JOB_STATUS.ERROR } }],
    });
    expect((await postJson(current(), workflow.key, {})).status).toBe(200);
    await waitForState(workflow.id, 'failed');
    await sleep(1500);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(1);
  });

  it('never retries a synchronous delivery, whose sender retries by itself', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      config: { retry: { attempts: 3, delay: 1 } },
      nodes: [{ type: 'test-end-with', config: { status: JOB_STATUS.FAILED } }],
    });
    expect((await postJson(current(), workflow.key, {})).status).toBe(500);
    await waitForState(workflow.id, 'failed');
    await sleep(1500);
    const executions = await executionsOf(current(), workflow.id);
    expect(executions).toHaveLength(1);
    expect(executions[0].context.attempt).toBeUndefined();
    expect((await rowsOf(workflow.id))[0]).toMatchObject({ state: 'failed', attempt: 1, attemptLog: null });
  });

  it('leaves the context of workflows that do not retry as it was', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      nodes: [{ type: 'test-end-with', config: { status: JOB_STATUS.FAILED } }],
    });
    expect((await postJson(current(), workflow.key, {})).status).toBe(200);
    await waitForState(workflow.id, 'failed');
    const [execution] = await executionsOf(current(), workflow.id);
    expect(execution.context).not.toHaveProperty('attempt');
  });

  it('moves a due retry once however many sweepers see it at the same moment', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { retry: { attempts: 2, delay: 1 } },
      nodes: [{ type: 'test-end-with', config: { status: JOB_STATUS.RESOLVED } }],
    });
    const { db, logger } = current().app;
    const first = `webhook:${randomUUID()}`;
    const row = await db.getModel(DELIVERIES_COLLECTION).create({
      workflowId: workflow.id,
      workflowKey: workflow.key,
      sync: false,
      method: 'POST',
      headers: {},
      query: {},
      body: { raced: true },
      // Received long enough ago that this app takes over a row another instance moved and never started.
      receivedAt: new Date(Date.now() - 5 * 60_000),
      eventKey: first,
      state: 'retrying',
      attempt: 1,
      nextAttemptAt: new Date(Date.now() - 1000),
      instanceId: 'another-instance',
    });
    // Other instances' sweepers, beside this app's own.
    const findWorkflow = async () => workflow;
    const sweepers = ['b', 'c', 'd'].map((id) => new DeliveryAttempts(db, findWorkflow, logger as never, id));
    const moved = await Promise.all(sweepers.map((sweeper) => sweeper.promoteDue()));
    expect(moved.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(1);

    const done = await waitForState(workflow.id, 'finished');
    await sleep(1000);
    expect(done).toMatchObject({ id: row.get('id'), attempt: 2, eventKey: `${first}#2` });
    const executions = await executionsOf(current(), workflow.id);
    expect(executions.map((execution) => execution.context.attempt)).toEqual([2]);
  });

  it('runs a retry that was due while the app was stopped once, after the next start', async () => {
    const path = '/restart?failures=1';
    const workflow = await createWebhookWorkflow(current(), {
      config: { retry: { attempts: 3, delay: 1 } },
      nodes: [requestNode(path)],
    });
    expect((await postJson(current(), workflow.key, { order: 3 })).status).toBe(200);
    await waitForState(workflow.id, 'retrying');

    const { app } = current();
    await app.stop();
    await app.db.reconnect();
    // The retry falls due while no process runs.
    await sleep(2500);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(1);
    await app.start();

    const row = await waitForState(workflow.id, 'finished');
    await sleep(1000);
    const executions = await executionsOf(current(), workflow.id);
    expect(executions.map((execution) => execution.context.attempt)).toEqual([1, 2]);
    expect(service.calls(path).map((call) => Number(call.attempt))).toEqual([1, 2]);
    expect(row.attemptLog?.map((entry) => entry.attempt)).toEqual([1, 2]);
  });
});
