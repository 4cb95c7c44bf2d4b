import { callbackToken } from '../callback/callbackToken';
import { legacyCallbackSecret } from '../callback/CallbackKeys';
import { signIn } from './helpers/accounts';
import { useTestApp } from './helpers/testApp';
import { waitUntil } from './helpers/waitUntil';
import { createWebhookWorkflow, executionsOf, jobsOf, postJson } from './helpers/workflows';

const CALCULATION = { type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } };
const MANUAL = { type: 'manual', config: { assignees: [1], forms: {}, mode: 0 } };
const WAIT = { type: 'webhookCallback', config: {} };

interface Row {
  get(name: string): unknown;
}

describe('callback tokens name only "Wait for callback" jobs and are signed with the installation key', () => {
  const current = useTestApp(undefined, { extraPlugins: ['workflow-manual'] });

  /** Starts a run that waits at its first node; returns the run, that node and the workflow. */
  async function waitingRun(first: { type: string; config: Record<string, unknown> }) {
    const workflow = await createWebhookWorkflow(current(), { nodes: [first, CALCULATION] });
    const nodes = (await current()
      .app.db.getRepository('flow_nodes')
      .find({ filter: { workflowId: workflow.id } })) as Row[];
    const node = nodes.find((row) => row.get('type') === first.type)!;
    expect((await postJson(current(), workflow.key, { order: 'A-1' })).status).toBe(200);
    await waitUntil(async () => {
      const [execution] = await executionsOf(current(), workflow.id);
      return execution != null && (await jobsOf(current(), execution.id)).length === 1;
    }, 'the run to wait at its first node');
    const [execution] = await executionsOf(current(), workflow.id);
    return { workflow, execution, nodeId: node.get('id') as number };
  }

  const post = (token: string, body: unknown = {}) =>
    current().request(`/api/webhook:callback/${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function installationKey(): Promise<string> {
    const row = (await current().app.db.getModel('webhookCallbackKeys').findOne()) as Row | null;
    return row!.get('secret') as string;
  }

  async function stillWaiting(workflowId: number, executionId: number) {
    const [job] = await jobsOf(current(), executionId);
    const [run] = await executionsOf(current(), workflowId);
    return job.status === 0 && run.status === 0;
  }

  it('keeps a random 32-byte key in the database, the same after a restart', async () => {
    const key = await installationKey();
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(key).not.toContain(legacyCallbackSecret());
    await current().app.stop();
    await current().app.start();
    expect(await installationKey()).toBe(key);
  });

  it('leaves a manual approval pending, whichever key signed the token', async () => {
    const { workflow, execution, nodeId } = await waitingRun(MANUAL);
    expect((await post(callbackToken(legacyCallbackSecret(), execution.id, nodeId), { approved: true })).status).toBe(
      404,
    );
    expect((await post(callbackToken(await installationKey(), execution.id, nodeId), { approved: true })).status).toBe(
      404,
    );
    expect(await stillWaiting(workflow.id, execution.id)).toBe(true);
  });

  it('refuses a "Wait for callback" token signed with APP_KEY, and resumes with the one the run handed out', async () => {
    const { workflow, execution, nodeId } = await waitingRun(WAIT);
    expect((await post(callbackToken(legacyCallbackSecret(), execution.id, nodeId))).status).toBe(404);
    expect(await stillWaiting(workflow.id, execution.id)).toBe(true);

    const { callbackUrls } = execution.context as unknown as { callbackUrls: Record<string, string> };
    const handedOut = Object.values(callbackUrls)[0];
    expect(handedOut).toBe(`/api/webhook:callback/${callbackToken(await installationKey(), execution.id, nodeId)}`);
    expect((await current().request(handedOut, { method: 'POST', body: '{}' })).status).toBe(200);
    await waitUntil(
      async () => (await executionsOf(current(), workflow.id))[0].status === 1,
      'the resumed run to finish',
    );
  });

  it('still accepts the old APP_KEY token of a run that was waiting before the key was made', async () => {
    const { workflow, execution, nodeId } = await waitingRun(WAIT);
    await current()
      .app.db.getModel('executions')
      .update({ createdAt: new Date('2020-01-01T00:00:00Z') }, { where: { id: execution.id }, silent: true });
    expect((await post(callbackToken(legacyCallbackSecret(), execution.id, nodeId))).status).toBe(200);
    await waitUntil(
      async () => (await executionsOf(current(), workflow.id))[0].status === 1,
      'the resumed run to finish',
    );
  });

  it('serves the key to no API caller, not even the root user', async () => {
    const token = await signIn(current(), 'admin@nocobase.com', 'admin123');
    const key = await installationKey();
    for (const action of ['list', 'get?filterByTk=1', 'create', 'update?filterByTk=1', 'destroy?filterByTk=1']) {
      const answer = await current().request(`/api/webhookCallbackKeys:${action}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ secret: 'chosen-by-caller' }),
      });
      expect([action, answer.status]).toEqual([action, 404]);
      expect(await answer.text()).not.toContain(key);
    }
    expect(await installationKey()).toBe(key);
  });
});
