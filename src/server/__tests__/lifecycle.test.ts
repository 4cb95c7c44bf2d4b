import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, executionsOf, postJson, waitForExecutions } from './helpers/workflows';

function echo(tag: string) {
  return [{ type: 'response', config: { body: { tag, id: '{{$context.body.id}}' } } }];
}

describe('workflow lifecycle and keys', () => {
  const current = useTestApp();

  it('routes each key only to its own workflow', async () => {
    const first = await createWebhookWorkflow(current(), { sync: true, nodes: echo('first') });
    const second = await createWebhookWorkflow(current(), { sync: true, nodes: echo('second') });
    expect(await (await postJson(current(), first.key, { id: 1 })).json()).toEqual({ tag: 'first', id: 1 });
    expect(await (await postJson(current(), second.key, { id: 2 })).json()).toEqual({ tag: 'second', id: 2 });
    expect(await executionsOf(current(), first.id)).toHaveLength(1);
    expect(await executionsOf(current(), second.id)).toHaveLength(1);
  });

  it('answers 404 once a workflow is disabled, and works again when re-enabled', async () => {
    const workflow = await createWebhookWorkflow(current(), { sync: true, nodes: echo('toggle') });
    expect((await postJson(current(), workflow.key, { id: 1 })).status).toBe(200);
    await workflow.update({ enabled: false });
    expect((await postJson(current(), workflow.key, { id: 2 })).status).toBe(404);
    await workflow.update({ enabled: true });
    expect((await postJson(current(), workflow.key, { id: 3 })).status).toBe(200);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(2);
  });

  it('hands the same URL to a new enabled version', async () => {
    const v1 = await createWebhookWorkflow(current(), { sync: true, nodes: echo('v1') });
    const v2 = await current().createWorkflow({
      key: v1.key,
      type: 'webhook',
      sync: true,
      title: 'v2',
      enabled: false,
      config: {},
    });
    await v2.createNode({ type: 'response', config: { body: { tag: 'v2', id: '{{$context.body.id}}' } } });
    expect(await (await postJson(current(), v1.key, { id: 1 })).json()).toEqual({ tag: 'v1', id: 1 });

    await v2.update({ enabled: true });
    await v1.reload();
    expect(v1.enabled).toBe(false);
    expect(await (await postJson(current(), v1.key, { id: 2 })).json()).toEqual({ tag: 'v2', id: 2 });
    expect(await executionsOf(current(), v1.id)).toHaveLength(1);
    expect(await executionsOf(current(), v2.id)).toHaveLength(1);
  });

  it('answers 404 after the workflow is deleted', async () => {
    const workflow = await createWebhookWorkflow(current());
    expect((await postJson(current(), workflow.key, {})).status).toBe(200);
    await waitForExecutions(current(), workflow.id, 1);
    await current().app.db.getRepository('workflows').destroy({ filterByTk: workflow.id });
    expect((await postJson(current(), workflow.key, {})).status).toBe(404);
  });

  it('picks up a configuration saved through the API without a restart', async () => {
    // The designer's path: NocoBase's API changes the config of a version that has not run yet
    // (an executed version is frozen; its changes go to a new version, tested above).
    const workflow = await createWebhookWorkflow(current(), { config: { response: { body: 'before' } } });
    const signIn = await current().request('/api/auth:signIn', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
      body: JSON.stringify({ account: 'admin@nocobase.com', password: 'admin123' }),
    });
    expect(signIn.status).toBe(200);
    const { token } = ((await signIn.json()) as { data: { token: string } }).data;
    const saved = await current().request(`/api/workflows:update?filterByTk=${workflow.id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ config: { response: { statusCode: 202, body: 'after' } } }),
    });
    expect(saved.status).toBe(200);

    const response = await postJson(current(), workflow.key, {});
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('after');
    await waitForExecutions(current(), workflow.id, 1);
  });

  it('keeps serving a workflow switched on here while a database read still sees it disabled', async () => {
    // The engine switches a workflow on inside the transaction that saves it: until the commit,
    // the periodic re-read of enabled workflows sees the version before.
    const workflow = await createWebhookWorkflow(current(), { enabled: false });
    const plugin = current().app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    const trigger = plugin.triggers.get('webhook') as unknown as {
      on(workflow: unknown): void;
      syncWithDatabase(db: unknown): Promise<void>;
      findEnabled(key: string): unknown;
    };
    workflow.set('enabled', true);
    trigger.on(workflow);
    await trigger.syncWithDatabase(current().app.db);
    expect(trigger.findEnabled(workflow.key)).toBe(workflow);
  });
});
