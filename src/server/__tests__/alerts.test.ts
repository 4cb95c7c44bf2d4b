import { randomUUID } from 'crypto';
import { alertCheck } from '../alerts/defineAlerts';
import { ALERTS_COLLECTION, DELIVERIES_COLLECTION } from '../constants';
import { signIn } from './helpers/accounts';
import { captureLogs } from './helpers/captureLogs';
import { useEnvironment } from './helpers/environment';
import { TestApp, useTestApp } from './helpers/testApp';
import { sleep, waitUntil } from './helpers/waitUntil';
import { createWebhookWorkflow, waitForExecutions } from './helpers/workflows';

const NOTIFICATION_PLUGINS = [
  'async-task-manager',
  'notification-manager',
  'notification-in-app-message',
  'workflow-request',
];

/** A delivery that ended as `state`, written as the inbox writes it (retries give up this way). */
async function endedDelivery(
  testApp: TestApp,
  workflow: { id: number | string; key: string },
  state: 'gaveUp' | 'failed',
  error = 'HTTP request node: 503 from the CRM',
): Promise<number> {
  const row = await testApp.app.db.getModel(DELIVERIES_COLLECTION).create({
    workflowId: workflow.id,
    workflowKey: workflow.key,
    sync: false,
    method: 'POST',
    headers: {},
    query: {},
    body: { order: randomUUID() },
    receivedAt: new Date(),
    eventKey: `webhook:${randomUUID()}`,
    state,
    error,
    instanceId: 'test',
    attempt: state === 'gaveUp' ? 3 : 1,
  });
  return Number(row.get('id'));
}

async function request(testApp: TestApp, token: string, action: string, body?: unknown) {
  const response = await testApp.request(`/api/${action}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

async function replaysOf(testApp: TestApp, ids: number[]) {
  const rows = await testApp.app.db.getModel(DELIVERIES_COLLECTION).findAll({ where: { replayOf: ids } });
  return rows.map((row) => Number(row.get('replayOf'))).sort((a, b) => a - b);
}

describe('alerts and the replay of given-up deliveries, with the notification and async task managers', () => {
  // Due retries are started by the inbox sweep: a short one keeps the end-to-end case short.
  useEnvironment({ WEBHOOK_ALERTS_SWEEP_MS: '200', WEBHOOK_INBOX_SWEEP_MS: '200' });
  const current = useTestApp(undefined, { extraPlugins: NOTIFICATION_PLUGINS });
  let admin: string;
  let alice: number;
  let bob: number;

  interface InAppMessage {
    title: string;
    content: string;
    channelName: string;
  }
  const inAppMessages = async (userId: number): Promise<InAppMessage[]> =>
    (
      await current()
        .app.db.getRepository('notificationInAppMessages')
        .find({ filter: { userId }, sort: ['receiveTimestamp'] })
    ).map((row: { toJSON(): unknown }) => row.toJSON() as InAppMessage);

  beforeAll(async () => {
    admin = await signIn(current(), 'admin@nocobase.com', 'admin123');
    const { db } = current().app;
    await db.getRepository('roles').create({ values: { name: 'ops', title: 'Operations' } });
    const users = db.getRepository('users');
    alice = Number((await users.create({ values: { email: 'alice@example.com', roles: ['member'] } })).get('id'));
    bob = Number((await users.create({ values: { email: 'bob@example.com', roles: ['ops'] } })).get('id'));
  });

  describe('replay all given-up deliveries', () => {
    let first: { id: number; key: string };
    let second: { id: number; key: string };
    let givenUpFirst: number[];
    let givenUpSecond: number[];

    beforeAll(async () => {
      first = (await createWebhookWorkflow(current())) as unknown as typeof first;
      second = (await createWebhookWorkflow(current())) as unknown as typeof second;
      givenUpFirst = [];
      for (let i = 0; i < 3; i += 1) {
        givenUpFirst.push(await endedDelivery(current(), first, 'gaveUp'));
      }
      givenUpSecond = [
        await endedDelivery(current(), second, 'gaveUp'),
        await endedDelivery(current(), second, 'gaveUp'),
      ];
      // Neither given up nor replayable in bulk.
      await endedDelivery(current(), first, 'failed');
    });

    const finishedTask = async (taskId: string) => {
      let task: { status: number | null; progressTotal: number; progressCurrent: number; result: unknown } | null =
        null;
      await waitUntil(async () => {
        task = (await request(current(), admin, `asyncTasks:get?filterByTk=${taskId}`)).json?.data;
        return task?.status === 1;
      }, 'the replay task to succeed');
      return task as unknown as NonNullable<typeof task>;
    };

    it("replays one workflow's given-up deliveries as an async task whose progress reaches the total", async () => {
      const answer = await request(current(), admin, `${DELIVERIES_COLLECTION}:replayGivenUp`, {
        workflowId: first.id,
      });
      expect(answer.status).toBe(202);
      expect(answer.json.data).toEqual({ taskId: expect.any(String), total: 3 });

      const task = await finishedTask(answer.json.data.taskId);
      expect(task).toMatchObject({
        progressTotal: 3,
        progressCurrent: 3,
        result: { total: 3, replayed: 3, alreadyReplayed: 0 },
      });
      expect(await replaysOf(current(), [...givenUpFirst, ...givenUpSecond])).toEqual(givenUpFirst);
      await waitForExecutions(current(), first.id, 3);
    });

    it("replays every workflow's, leaving those already replayed alone", async () => {
      const answer = await request(current(), admin, `${DELIVERIES_COLLECTION}:replayGivenUp`, {});
      expect(answer.status).toBe(202);
      expect(answer.json.data.total).toBe(5);

      const task = await finishedTask(answer.json.data.taskId);
      expect(task).toMatchObject({
        progressTotal: 5,
        progressCurrent: 5,
        result: { total: 5, replayed: 2, alreadyReplayed: 3 },
      });
      expect(await replaysOf(current(), [...givenUpFirst, ...givenUpSecond])).toEqual(
        [...givenUpFirst, ...givenUpSecond].sort((a, b) => a - b),
      );
      await waitForExecutions(current(), second.id, 2);
    });

    it('answers 404 for a workflow that is not a webhook one', async () => {
      const answer = await request(current(), admin, `${DELIVERIES_COLLECTION}:replayGivenUp`, { workflowId: 99999 });
      expect(answer.status).toBe(404);
    });
  });

  describe('alerts', () => {
    it('tells the chosen users and the users of the chosen roles once per given-up delivery, in-app', async () => {
      const workflow = await createWebhookWorkflow(current(), {
        config: { alerts: { users: [alice], roles: ['ops'] } },
      });
      await workflow.update({ title: 'CRM sync' });
      const id = await endedDelivery(current(), workflow, 'gaveUp', 'CRM answered 503');

      await waitUntil(async () => (await inAppMessages(alice)).length >= 1, 'the alert in the in-app messages');
      // More sweeps, and two more racing on the same rows as another instance would: still one alert.
      await Promise.all([alertCheck(current().app)(), alertCheck(current().app)()]);
      await sleep(600);

      for (const user of [alice, bob]) {
        const messages = await inAppMessages(user);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatchObject({
          title: 'Webhook delivery gave up: CRM sync',
          channelName: 'webhook-alerts',
        });
        expect(messages[0].content).toContain(`Delivery #${id} of the workflow "CRM sync" gave up after 3`);
        expect(messages[0].content).toContain('Last error: CRM answered 503');
        expect(messages[0].content).toContain(`/admin/workflow/workflows/${workflow.id}`);
      }
      const row = await current().app.db.getModel(DELIVERIES_COLLECTION).findByPk(id);
      expect(row?.get('alertedAt')).toBeTruthy();
    });

    it('alerts once when a real run keeps failing, retries and gives up', async () => {
      const workflow = await createWebhookWorkflow(current(), {
        config: { retry: { attempts: 2, delay: 1 }, alerts: { users: [alice] } },
        // Nothing listens on the discard port: every call fails.
        nodes: [{ type: 'request', config: { url: 'http://127.0.0.1:9/', method: 'POST', timeout: 2000 } }],
      });
      await workflow.update({ title: 'Unreachable CRM' });
      const alerts = () => inAppMessages(alice).then((all) => all.filter((m) => m.title.includes('Unreachable CRM')));
      const sent = await current().request(`/api/webhook:trigger/${workflow.key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ order: 1 }),
      });
      expect(sent.status).toBe(200);

      await waitUntil(async () => (await alerts()).length >= 1, 'the alert of the given-up delivery', 30_000);
      await sleep(600);
      const [row] = await current()
        .app.db.getModel(DELIVERIES_COLLECTION)
        .findAll({ where: { workflowId: workflow.id } });
      expect(row.get('state')).toBe('gaveUp');
      expect((row.get('attemptLog') as unknown[]).length).toBe(2);
      const messages = await alerts();
      expect(messages).toHaveLength(1);
      expect(messages[0].content).toContain('gave up after 2');
    });

    it('sends one alert per window when more deliveries fail than the threshold, however many sweeps run', async () => {
      const workflow = await createWebhookWorkflow(current(), {
        // A window of about a week: the test cannot cross into the next one.
        config: { alerts: { users: [bob], onGiveUp: false, failures: { count: 2, minutes: 10_000 } } },
      });
      await workflow.update({ title: 'Shop orders' });
      const failing = () => inAppMessages(bob).then((all) => all.filter((m) => m.title.includes('Shop orders')));

      await endedDelivery(current(), workflow, 'failed', 'first error');
      await endedDelivery(current(), workflow, 'failed', 'second error');
      await sleep(600);
      expect(await failing()).toHaveLength(0);

      await endedDelivery(current(), workflow, 'gaveUp', 'the last error');
      await waitUntil(async () => (await failing()).length >= 1, 'the failure alert');
      await endedDelivery(current(), workflow, 'failed', 'a later error');
      await Promise.all([alertCheck(current().app)(), alertCheck(current().app)()]);
      await sleep(600);

      const messages = await failing();
      expect(messages).toHaveLength(1);
      expect(messages[0].title).toBe('Webhook deliveries failing: Shop orders');
      expect(messages[0].content).toContain('3 deliveries of the workflow "Shop orders" failed within the last 10000');
      expect(messages[0].content).toContain('Last error: the last error');
      const claims = await current()
        .app.db.getModel(ALERTS_COLLECTION)
        .findAll({ where: { workflowId: workflow.id } });
      expect(claims.map((claim) => [claim.get('kind'), claim.get('count')])).toEqual([['failures', 3]]);
    });

    it('sends nothing for a workflow without alert settings', async () => {
      const workflow = await createWebhookWorkflow(current());
      await workflow.update({ title: 'Quiet one' });
      const id = await endedDelivery(current(), workflow, 'gaveUp');
      for (let i = 0; i < 5; i += 1) {
        await endedDelivery(current(), workflow, 'failed');
      }
      await alertCheck(current().app)();
      await sleep(600);

      const all = [...(await inAppMessages(alice)), ...(await inAppMessages(bob))];
      expect(all.filter((message) => message.content.includes('Quiet one'))).toEqual([]);
      const row = await current().app.db.getModel(DELIVERIES_COLLECTION).findByPk(id);
      expect(row?.get('alertedAt')).toBeFalsy();
    });
  });
});

describe('without the notification and async task managers', () => {
  useEnvironment({ WEBHOOK_ALERTS_SWEEP_MS: '200' });
  const current = useTestApp();
  let admin: string;

  beforeAll(async () => {
    admin = await signIn(current(), 'admin@nocobase.com', 'admin123');
  });

  it('warns once that alerts cannot be sent, and keeps running', async () => {
    const logs = captureLogs(current().app);
    try {
      const workflow = await createWebhookWorkflow(current(), { config: { alerts: { users: [1] } } });
      const id = await endedDelivery(current(), workflow, 'gaveUp');
      await sleep(1_000);

      const warnings = logs.text().match(/the notification manager plugin is not enabled/g) ?? [];
      expect(warnings).toHaveLength(1);
      // Not claimed: the alert still goes out once the manager is enabled.
      const row = await current().app.db.getModel(DELIVERIES_COLLECTION).findByPk(id);
      expect(row?.get('alertedAt')).toBeFalsy();
      expect((await request(current(), admin, `${DELIVERIES_COLLECTION}:list`)).status).toBe(200);
    } finally {
      logs.stop();
    }
  });

  it('replays given-up deliveries in the process and answers 202 with their count', async () => {
    const workflow = await createWebhookWorkflow(current());
    const ids = [
      await endedDelivery(current(), workflow, 'gaveUp'),
      await endedDelivery(current(), workflow, 'gaveUp'),
    ];

    const answer = await request(current(), admin, `${DELIVERIES_COLLECTION}:replayGivenUp`, {
      workflowId: workflow.id,
    });
    expect(answer.status).toBe(202);
    expect(answer.json.data).toEqual({ taskId: null, total: 2 });
    await waitUntil(async () => (await replaysOf(current(), ids)).length === 2, 'both replays');
    await waitForExecutions(current(), workflow.id, 2);
  });
});
