import { randomUUID } from 'crypto';
import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { SleepInstruction } from './helpers/fixtureInstructions';
import { DELIVERIES_COLLECTION } from '../constants';
import { pruneFinished } from '../inbox/retention';
import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, executionsOf, postJson, waitForExecutions } from './helpers/workflows';

interface DeliveryRow {
  id: number;
  workflowId: number;
  workflowKey: string;
  sync: boolean;
  method: string;
  headers: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  eventKey: string;
  state: string;
  executionId: number | null;
  answerStatus: number | null;
  attempts: number;
}

const CALCULATION = { type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } };

describe('the delivery inbox', () => {
  const current = useTestApp(({ app }) => {
    (app.pm.get(PluginWorkflowServer) as PluginWorkflowServer).registerInstruction(
      'test-sleep',
      new SleepInstruction(app.pm.get(PluginWorkflowServer) as PluginWorkflowServer),
    );
  });
  const model = () => current().app.db.getModel(DELIVERIES_COLLECTION);
  const rowsOf = async (workflowId: number) =>
    (await model().findAll({ where: { workflowId }, order: [['id', 'ASC']] })).map(
      (row) => row.toJSON() as DeliveryRow,
    );

  async function waitForStates(workflowId: number, expected: string[], timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let rows: DeliveryRow[] = [];
    while (Date.now() < deadline) {
      rows = await rowsOf(workflowId);
      if (JSON.stringify(rows.map((row) => row.state)) === JSON.stringify(expected)) {
        return rows;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(
      `inbox states ${JSON.stringify(rows.map((row) => row.state))}, expected ${JSON.stringify(expected)}`,
    );
  }

  it('stores the request as the run sees it and records the execution it started', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { request: { headers: [{ key: 'X-Shop' }] }, response: { statusCode: 202, body: 'queued' } },
      nodes: [CALCULATION],
    });
    const response = await postJson(
      current(),
      workflow.key,
      { order: 7 },
      { headers: { 'X-Shop': 's1' }, query: '?a=1' },
    );
    expect(response.status).toBe(202);

    const [execution] = await waitForExecutions(current(), workflow.id, 1);
    const [row] = await waitForStates(workflow.id, ['finished']);
    expect(row).toMatchObject({
      workflowKey: workflow.key,
      sync: false,
      method: 'POST',
      headers: { 'x-shop': 's1' },
      query: { a: '1' },
      body: { order: 7 },
      answerStatus: 202,
    });
    expect(Number(row.executionId)).toBe(Number(execution.id));
    const [stored] = (await current()
      .app.db.getModel('executions')
      .findAll({ where: { id: execution.id }, raw: true })) as unknown as Array<{ eventKey: string }>;
    expect(stored.eventKey).toBe(row.eventKey);
  });

  it('starts a delivery another process stored and never ran, once, and links one whose run exists', async () => {
    const workflow = await createWebhookWorkflow(current(), { nodes: [CALCULATION] });
    const crashed = {
      workflowId: workflow.id,
      workflowKey: workflow.key,
      sync: false,
      method: 'POST',
      headers: {},
      query: {},
      clientIp: '127.0.0.1',
      deliveryId: null as string | null,
      idempotencyKey: null as string | null,
      state: 'stored',
      instanceId: 'a-process-that-died',
      receivedAt: new Date(Date.now() - 5 * 60_000),
    };
    // The raw body and the files a run sees beside the body are kept and restored with it.
    const extras = {
      rawBody: '{"lost":1}',
      rawBodyEncoding: 'utf8',
      files: [{ field: 'f', filename: 'a.txt', mimeType: 'text/plain', size: 1 }],
    };
    const neverRan = { ...crashed, body: { lost: 1 }, extras, eventKey: `webhook:${randomUUID()}` };
    const ranUnrecorded = { ...crashed, body: { lost: 2 }, eventKey: `webhook:${randomUUID()}` };
    await model().bulkCreate([neverRan, ranUnrecorded]);
    // The second one's run was written before its process died; its row never learnt it.
    await current()
      .app.db.getRepository('executions')
      .create({
        values: {
          workflowId: workflow.id,
          key: workflow.key,
          eventKey: ranUnrecorded.eventKey,
          context: { body: { lost: 2 } },
          status: 1,
        },
      });

    const rows = await waitForStates(workflow.id, ['finished', 'finished']);
    const executions = await executionsOf(current(), workflow.id);
    expect(executions).toHaveLength(2);
    expect(executions.map((execution) => (execution.context.body as { lost: number }).lost).sort()).toEqual([1, 2]);
    expect(
      executions.find((execution) => (execution.context.body as { lost: number }).lost === 1)?.context,
    ).toMatchObject(extras);
    expect(rows.map((row) => row.attempts)).toEqual([1, 0]);
    expect(rows.every((row) => row.executionId != null)).toBe(true);
  });

  it('runs a repeated delivery id once and answers the repeat as the first, within its time to live', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { idempotency: { header: 'X-GitHub-Delivery' }, response: { statusCode: 202, body: 'thanks' } },
      nodes: [CALCULATION],
    });
    const send = (id: string, n: number) =>
      postJson(current(), workflow.key, { n }, { headers: { 'X-GitHub-Delivery': id } });
    const first = await send('d-1', 1);
    const repeat = await send('d-1', 2);
    const other = await send('d-2', 3);
    expect([first.status, repeat.status, other.status]).toEqual([202, 202, 202]);
    expect(await repeat.text()).toBe('thanks');
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    const executions = await waitForExecutions(current(), workflow.id, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      (await executionsOf(current(), workflow.id)).map((execution) => (execution.context.body as { n: number }).n),
    ).toEqual([1, 3]);
    expect(executions).toHaveLength(2);
  });

  it('takes the delivery id from a body path, and runs an id again once its time to live is over', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { idempotency: { bodyPath: 'event.id', ttl: 1 } },
      nodes: [CALCULATION],
    });
    await postJson(current(), workflow.key, { event: { id: 'evt_1' }, n: 1 });
    await postJson(current(), workflow.key, { event: { id: 'evt_1' }, n: 2 });
    await waitForExecutions(current(), workflow.id, 1);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await postJson(current(), workflow.key, { event: { id: 'evt_1' }, n: 3 });
    const executions = await waitForExecutions(current(), workflow.id, 2);
    expect(executions.map((execution) => (execution.context.body as { n: number }).n)).toEqual([1, 3]);
  });

  it('answers a sync repeat with the first answer, and 409 while the first run still goes', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      config: { idempotency: { header: 'Idempotency-Key' } },
      nodes: [
        { type: 'test-sleep', config: { ms: 1500 } },
        { type: 'response', config: { statusCode: 201, body: { n: '{{$context.body.n}}' } } },
      ],
    });
    const send = (n: number) => postJson(current(), workflow.key, { n }, { headers: { 'Idempotency-Key': 'k-1' } });
    const firstPending = send(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const whileRunning = await send(2);
    expect(whileRunning.status).toBe(409);
    expect(whileRunning.headers.get('retry-after')).toBe('5');

    const first = await firstPending;
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ n: 1 });
    const after = await send(3);
    expect(after.status).toBe(201);
    expect(await after.json()).toEqual({ n: 1 });
    expect(await executionsOf(current(), workflow.id)).toHaveLength(1);
  });

  it('prunes finished deliveries, and refused ones under their own cap, beyond the row and age limits, never failed or waiting ones', async () => {
    const workflow = await createWebhookWorkflow(current(), { enabled: false });
    const base = {
      workflowId: workflow.id,
      workflowKey: workflow.key,
      method: 'POST',
      headers: {},
      query: {},
      body: null as unknown,
    };
    const old = new Date(Date.now() - 10 * 86_400_000);
    const rows = [
      ...Array.from({ length: 5 }, (_, n) => ({
        ...base,
        state: 'finished',
        receivedAt: new Date(Date.now() - (5 - n) * 1000),
      })),
      { ...base, state: 'finished', receivedAt: old },
      { ...base, state: 'failed', receivedAt: old },
      { ...base, state: 'stored', receivedAt: old },
    ].map((row) => ({ ...row, eventKey: `webhook:${randomUUID()}` }));
    // Refused and repeated requests have no event key, and a cap of their own.
    const refused = Array.from({ length: 4 }, (_, n) => ({
      ...base,
      state: n % 2 ? 'refused' : 'duplicate',
      receivedAt: new Date(Date.now() - (4 - n) * 1000),
    }));
    await model().bulkCreate([...rows, ...refused, { ...base, state: 'refused', receivedAt: old }]);

    const removed = await pruneFinished(
      current().app.db,
      { maxAgeDays: 7, maxRowsPerWorkflow: 3, maxRefusedPerWorkflow: 2 },
      current().app.logger,
    );
    expect(removed).toBe(3 + 3);
    const left = await rowsOf(workflow.id);
    expect(left.map((row) => row.state).sort()).toEqual([
      'duplicate',
      'failed',
      'finished',
      'finished',
      'finished',
      'refused',
      'stored',
    ]);
    const keptFinished = left.filter((row) => row.state === 'finished').map((row) => row.eventKey);
    expect(keptFinished).toEqual(rows.slice(2, 5).map((row) => row.eventKey));
  });
});
