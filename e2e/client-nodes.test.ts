import { EXECUTION_STATUS, JOB_STATUS } from '@nocobase/plugin-workflow';
import type { BrowserSession } from './helpers/browser';
import { Canvas } from './helpers/canvas';
import type { Designer } from './helpers/designer';
import { useDesignerSession } from './helpers/designerSession';
import { FlowApi } from './helpers/flowApi';
import type { RunningApp } from './helpers/runningApp';
import { SubscriptionForm } from './helpers/subscriptionForm';
import { waitUntil } from './helpers/waitUntil';
import { startFakeProvider } from '../src/server/__tests__/helpers/fakeProvider';

const CALLBACK = 'webhookCallback';
const CALLBACK_TITLE = 'Wait for callback';

/**
 * The "Wait for callback" node and the trigger's "Events in a delivery" in a real browser against
 * `npm start`'s app: a person configures them in each client, a sender starts a run, the run waits,
 * and the callback resumes it. The trigger's "Register with the sender" subscribes at a fake sender
 * when the workflow is enabled, and shows what the sender answered.
 */
describe('workflow nodes in the browser', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let designer: Designer;
  let flows: FlowApi;

  useDesignerSession({ publicUrl: true }, (ready) => {
    ({ app, session, designer } = ready);
    flows = new FlowApi(app, ready.token);
  });

  it('v1: a node before the wait hands out the callback URL, the run waits, and a callback resumes it', async () => {
    const { page } = session;
    const canvas = new Canvas(page, app.baseUrl, 'v1');
    const workflowId = await designer.createWebhookWorkflow('Payments (v1)', false);

    const item = await canvas.addNodeMenuItem(CALLBACK);
    expect(await item.getAttribute('aria-disabled')).toBe('false');
    await session.screenshot('v1-callback-add-node');
    await item.click();
    const card = page.getByTestId('webhook-callback-card');
    await card.getByText('waits without a time limit').waitFor();
    const { id: nodeId, key } = await flows.nodeOfType(workflowId, CALLBACK);

    await card.click();
    const config = page.getByTestId('webhook-callback-config');
    await config.waitFor();
    expect(await page.getByTestId('webhook-callback-variable').innerText()).toBe(`{{$context.callbackUrls.${key}}}`);
    await page.getByTestId('webhook-callback-variable').getByRole('button', { name: 'Copy' }).click();
    const copied = page.getByText('Copied').first();
    await copied.waitFor();
    await copied.waitFor({ state: 'hidden' });
    await page.getByTestId('webhook-callback-methods').getByText('PUT', { exact: true }).click();
    await page.getByTestId('webhook-callback-timeout').fill('3600');
    await page
      .getByTestId('webhook-callback-on-timeout')
      .getByText(/^Continue/)
      .click();
    await session.screenshot('v1-callback-node-drawer');
    await designer.submitDrawer();
    await card.getByText('waits up to 1 h, then continues').waitFor();
    await card.getByText('PUT', { exact: true }).waitFor();
    expect((await flows.node(nodeId)).config).toMatchObject({
      methods: ['POST', 'PUT'],
      timeout: 3600,
      onTimeout: 'continue',
      auth: { type: 'none' },
    });

    // A node before the wait reads the URL from the trigger's variables, as a mail or a request would.
    await (await canvas.addNodeMenuItem('calculation', 0)).click();
    const calculation = await canvas.openNode('Calculation');
    await calculation.getByText('String template', { exact: true }).click();
    const expression = calculation.locator('.ant-form-item').filter({ hasText: 'Calculation expression' });
    await canvas.pickVariable(expression, ['Trigger variables', 'Callback URLs']);
    expect(await canvas.pickerColumn()).toEqual([`Callback URL (${CALLBACK_TITLE})`]);
    await session.screenshot('v1-callback-url-variable');
    await canvas.pickerItem(`Callback URL (${CALLBACK_TITLE})`).click();
    await designer.submitDrawer();
    const calculationNode = await flows.nodeOfType(workflowId, 'calculation');
    expect(calculationNode.config).toMatchObject({ engine: 'string', expression: `{{$context.callbackUrls.${key}}}` });

    await designer.enableWorkflow();
    const { key: workflowKey } = await flows.workflow(workflowId);
    const delivered = await fetch(`${app.baseUrl}/api/webhook:trigger/${workflowKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ order: { id: 7 } }),
    });
    expect(delivered.status).toBe(200);

    const waiting = await flows.waitForPendingJob(workflowId, nodeId);
    const callbackUrl = waiting.context.callbackUrls![key];
    // The app runs behind WEBHOOK_PUBLIC_URL (its own address), so the URL is absolute.
    expect(callbackUrl.startsWith(`${app.baseUrl}/api/webhook:callback/`)).toBe(true);
    const waitingJob = waiting.jobs.find((job) => job.nodeId === nodeId)!;
    expect(waitingJob.result).toEqual({ callbackUrl });
    // The earlier node had the URL before the run paused.
    expect(waiting.jobs.find((job) => job.nodeId === calculationNode.id)).toMatchObject({
      status: JOB_STATUS.RESOLVED,
      result: callbackUrl,
    });

    await canvas.openExecution(waiting.id);
    const waitingUrl = page.getByTestId('webhook-callback-waiting-url');
    await waitingUrl.waitFor();
    expect(await waitingUrl.innerText()).toBe(callbackUrl);
    await session.screenshot('v1-callback-waiting-execution');
    const result = await canvas.openJobResult(CALLBACK_TITLE);
    await result.getByText('Pending').waitFor();
    expect(await result.locator('textarea').first().inputValue()).toContain(callbackUrl);
    await session.screenshot('v1-callback-pending-job');
    await canvas.closeJobResult();

    expect((await fetch(callbackUrl)).status).toBe(405);
    const answered = await fetch(callbackUrl, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ paid: true, amount: 42 }),
    });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toBe('ok');
    const ended = await flows.waitForEnd(waiting.id);
    expect(ended.status).toBe(EXECUTION_STATUS.RESOLVED);
    expect(ended.jobs.find((job) => job.nodeId === nodeId)).toMatchObject({
      status: JOB_STATUS.RESOLVED,
      result: { callbackUrl, request: { method: 'PUT', body: { paid: true, amount: 42 } } },
    });
    // A URL resumes its run once.
    expect((await fetch(callbackUrl, { method: 'PUT' })).status).toBe(410);

    await canvas.openExecution(waiting.id);
    await canvas.nodeCard(CALLBACK_TITLE).getByText('PUT', { exact: true }).waitFor();
    expect(await waitingUrl.count()).toBe(0);
    await session.screenshot('v1-callback-resolved-execution');
  }, 240_000);

  it('v2: each event of a delivery runs and waits for its callback; later nodes read the callback', async () => {
    const { page } = session;
    const canvas = new Canvas(page, app.baseUrl, 'v2');
    const title = 'Messages (v2)';
    const drawer = await designer.startNewWebhookWorkflow('/v/admin/settings/workflow', title);
    await drawer.getByText('Asynchronously', { exact: true }).click();
    await designer.submitDrawer();
    const { id: workflowId, key: workflowKey } = await flows.workflowByTitle(title);
    await canvas.open(workflowId);

    await designer.openTriggerConfig();
    const events = page.getByTestId('webhook-section-events');
    await events.scrollIntoViewIfNeeded();
    await page.getByTestId('webhook-events-enabled').click();
    await page.getByTestId('webhook-events-path').fill('entry[*].changes[*]');
    await page.getByTestId('webhook-events-type').fill('{{$event.field}}');
    await designer.addTags(page.getByTestId('webhook-events-filter'), ['messages']);
    await page.getByTestId('webhook-events-id').fill('{{$event.value.id}}');
    await events.scrollIntoViewIfNeeded();
    await session.screenshot('v2-trigger-events');
    await designer.submitDrawer();
    expect((await flows.workflow(workflowId)).config.events).toEqual({
      path: 'entry[*].changes[*]',
      type: '{{$event.field}}',
      filter: ['messages'],
      id: '{{$event.value.id}}',
    });
    await designer.openTriggerConfig();
    await events.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('webhook-events-enabled').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('webhook-events-path').inputValue()).toBe('entry[*].changes[*]');
    await designer.closeDrawer();

    await (await canvas.addNodeMenuItem(CALLBACK)).click();
    const card = page.getByTestId('webhook-callback-card');
    await card.click();
    await page.getByTestId('webhook-callback-config').waitFor();
    const { id: nodeId, key } = await flows.nodeOfType(workflowId, CALLBACK);
    expect(await page.getByTestId('webhook-callback-variable').innerText()).toBe(`{{$context.callbackUrls.${key}}}`);
    await page.getByTestId('webhook-callback-methods').getByText('PATCH', { exact: true }).click();
    await page.getByTestId('webhook-callback-timeout').fill('600');
    const onTimeout = page.getByTestId('webhook-callback-on-timeout');
    expect(await onTimeout.locator('.ant-radio-wrapper-checked').innerText()).toBe('Fail the node');
    await page.getByTestId('webhook-callback-response-status').fill('202');
    await page.getByTestId('webhook-callback-response-body').locator('textarea').fill('thanks');
    await page.getByTestId('webhook-callback-section-response').scrollIntoViewIfNeeded();
    await session.screenshot('v2-callback-node-drawer');
    await designer.submitDrawer();
    await card.getByText('waits up to 10 m, then fails').waitFor();
    expect((await flows.node(nodeId)).config).toMatchObject({
      methods: ['POST', 'PATCH'],
      timeout: 600,
      onTimeout: 'fail',
      response: { statusCode: 202, body: 'thanks' },
    });

    // A node after the wait: the event's type from the trigger, the callback's method from the node's result.
    await (await canvas.addNodeMenuItem('calculation', 1)).click();
    const calculation = await canvas.openNode('Calculation');
    await calculation.getByText('String template', { exact: true }).click();
    const expression = calculation.locator('.ant-form-item').filter({ hasText: 'Calculation expression' });
    await canvas.pickVariable(expression, ['Trigger variables']);
    const triggerVariables = await canvas.pickerColumn();
    expect(triggerVariables).toEqual(expect.arrayContaining(['Body', 'Event', 'Event type', 'Callback URLs']));
    await canvas.pickerItem('Event type').click();
    await canvas.pickVariable(expression, ['Node result', CALLBACK_TITLE]);
    expect(await canvas.pickerColumn()).toEqual(['Callback URL', 'Timed out', 'Request']);
    await canvas.pickerItem('Request').click();
    expect(await canvas.pickerColumn()).toEqual(['Method', 'Headers', 'Query parameters', 'Body']);
    await session.screenshot('v2-callback-result-variables');
    await canvas.pickerItem('Method').click();
    await designer.submitDrawer();
    const calculationNode = await flows.nodeOfType(workflowId, 'calculation');
    expect(calculationNode.config.expression).toBe(`{{$context.eventType}}{{$jobsMapByNodeKey.${key}.request.method}}`);

    await flows.enable(workflowId);
    // Two events, one of a type the trigger leaves out: one run.
    const delivery = {
      entry: [
        {
          changes: [
            { field: 'messages', value: { id: 'm-1', text: 'hello' } },
            { field: 'statuses', value: { id: 's-1' } },
          ],
        },
      ],
    };
    const delivered = await fetch(`${app.baseUrl}/api/webhook:trigger/${workflowKey}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(delivery),
    });
    expect(delivered.status).toBe(200);

    const waiting = await flows.waitForPendingJob(workflowId, nodeId);
    expect(waiting.context).toMatchObject({
      eventType: 'messages',
      event: { field: 'messages', value: { id: 'm-1' } },
    });
    const callbackUrl = waiting.context.callbackUrls![key];
    expect(waiting.jobs.find((job) => job.nodeId === nodeId)).toMatchObject({
      status: JOB_STATUS.PENDING,
      result: { callbackUrl },
    });

    await canvas.openExecution(waiting.id);
    const waitingUrl = page.getByTestId('webhook-callback-waiting-url');
    await waitingUrl.waitFor();
    expect(await waitingUrl.innerText()).toBe(callbackUrl);
    await session.screenshot('v2-callback-waiting-execution');
    const result = await canvas.openJobResult(CALLBACK_TITLE);
    expect(await result.locator('textarea').first().inputValue()).toContain(callbackUrl);
    await canvas.closeJobResult();

    const answered = await fetch(callbackUrl, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'read' }),
    });
    expect(answered.status).toBe(202);
    expect(await answered.text()).toBe('thanks');
    const ended = await flows.waitForEnd(waiting.id);
    expect(ended.status).toBe(EXECUTION_STATUS.RESOLVED);
    expect(ended.jobs.find((job) => job.nodeId === calculationNode.id)?.result).toBe('messagesPATCH');
    expect((await flows.executions(workflowId)).length).toBe(1);

    await canvas.openExecution(waiting.id);
    await canvas.nodeCard('Calculation').waitFor();
    expect(await waitingUrl.count()).toBe(0);
    await session.screenshot('v2-callback-resolved-execution');
  }, 240_000);

  it('v1: "Register with the sender" subscribes when the workflow is enabled; the form shows the kept state, then the removal', async () => {
    const { page } = session;
    const provider = await startFakeProvider({ lifetimeMs: 24 * 60 * 60_000 });
    try {
      const workflowId = await designer.createWebhookWorkflow('Repository hooks (v1)', false);
      const webhookUrl = await designer.readWebhookUrl();
      const { key } = await flows.workflow(workflowId);
      expect(webhookUrl).toBe(`${app.baseUrl}/api/webhook:trigger/${key}`);

      await designer.openTriggerConfig();
      const form = new SubscriptionForm(page);
      await form.turnOn();
      // A saved workflow that was never enabled has no registration yet, and the form says so.
      await form
        .stateView()
        .getByText(/^Not registered with the sender yet/)
        .waitFor();
      await form.fill('subscribe', {
        url: `${provider.url}/hooks`,
        headers: [['Authorization', 'Bearer abc123']],
        json: '{ "url": "{{$webhook.url}}", "events": ["push"] }',
        state: [['webhookId', '{{$response.body.id}}']],
        nextRefreshAt: '{{$response.body.expiresAt}}',
      });
      // A token typed as it is gets a warning; a variable does not.
      const literal = page.getByTestId('webhook-subscription-subscribe-literal-secret');
      await literal.getByText('Authorization holds the secret itself', { exact: false }).waitFor();
      await page
        .getByTestId('webhook-subscription-subscribe-headers-row')
        .getByPlaceholder('Value')
        .fill('Bearer {{$env.SENDER_TOKEN}}');
      await literal.waitFor({ state: 'detached' });
      await form.turnOn('refresh');
      await form.fill('refresh', { url: `${provider.url}/hooks/{{$state.webhookId}}`, every: 86400 });
      await form.turnOn('unsubscribe');
      await form.fill('unsubscribe', { url: `${provider.url}/hooks/{{$state.webhookId}}` });
      await form.section().scrollIntoViewIfNeeded();
      await session.screenshot('v1-subscription-form');
      await designer.submitDrawer();
      expect((await flows.workflow(workflowId)).config.subscription).toEqual({
        subscribe: {
          method: 'POST',
          url: `${provider.url}/hooks`,
          headers: [{ name: 'Authorization', value: 'Bearer {{$env.SENDER_TOKEN}}' }],
          body: { url: '{{$webhook.url}}', events: ['push'] },
          state: { webhookId: '{{$response.body.id}}' },
          nextRefreshAt: '{{$response.body.expiresAt}}',
        },
        refresh: { method: 'PATCH', url: `${provider.url}/hooks/{{$state.webhookId}}`, every: 86400 },
        unsubscribe: { method: 'DELETE', url: `${provider.url}/hooks/{{$state.webhookId}}` },
      });
      expect(provider.calls).toEqual([]);

      await designer.enableWorkflow();
      await waitUntil(async () => provider.calls.length > 0, 'the subscribe call');
      expect(provider.calls).toHaveLength(1);
      expect(provider.calls[0]).toMatchObject({
        method: 'POST',
        path: '/hooks',
        body: { url: webhookUrl, events: ['push'] },
      });
      expect(provider.calls[0].headers.authorization).toMatch(/^Bearer/);
      const [hookId] = [...provider.hooks.keys()];
      expect(provider.hooks.get(hookId)).toEqual({ url: webhookUrl });

      await designer.openTriggerConfig();
      const status = page.getByTestId('webhook-subscription-status');
      await status.waitFor();
      await form.stateView().scrollIntoViewIfNeeded();
      expect(await status.getAttribute('data-status')).toBe('active');
      expect(await page.getByTestId('webhook-subscription-state').innerText()).toBe(`webhookId: ${hookId}`);
      // Renewed a day after the answer's expiry is read: a date, not "None".
      expect(await page.getByTestId('webhook-subscription-next-refresh').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} /);
      expect(await page.getByTestId('webhook-subscription-last-error').count()).toBe(0);
      await session.screenshot('v1-subscription-active');
      await designer.closeDrawer();

      // Switching the workflow off removes the registration at the sender, and the form shows it.
      const toggle = page.locator('.workflow-toolbar').getByRole('switch');
      await toggle.click();
      await waitUntil(async () => provider.calls.length > 1, 'the unsubscribe call');
      expect(provider.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
        'POST /hooks',
        `DELETE /hooks/${hookId}`,
      ]);
      expect(provider.hooks.size).toBe(0);
      await designer.openTriggerConfig();
      await waitUntil(async () => {
        await page.getByTestId('webhook-subscription-reload').click();
        return (await status.getAttribute('data-status')) === 'removed';
      }, 'the removed registration in the form');
      expect(await status.innerText()).toBe('Removed');
      await designer.closeDrawer();
    } finally {
      await provider.close();
    }
  }, 240_000);

  it('v2: a sender that refuses keeps the workflow disabled and unregistered; after a fix, the form shows the registration', async () => {
    const { page } = session;
    const canvas = new Canvas(page, app.baseUrl, 'v2');
    const provider = await startFakeProvider({ lifetimeMs: 24 * 60 * 60_000 });
    try {
      const title = 'Repository hooks (v2)';
      const drawer = await designer.startNewWebhookWorkflow('/v/admin/settings/workflow', title);
      await drawer.getByText('Asynchronously', { exact: true }).click();
      await designer.submitDrawer();
      const { id: workflowId, key } = await flows.workflowByTitle(title);
      await canvas.open(workflowId);

      await designer.openTriggerConfig();
      const form = new SubscriptionForm(page);
      await form.turnOn();
      // The fake sender refuses the event type "invalid" with 422.
      await form.fill('subscribe', {
        url: `${provider.url}/hooks`,
        json: '{ "url": "{{$webhook.url}}", "events": ["invalid"] }',
        state: [['webhookId', '{{$response.body.id}}']],
      });
      await designer.submitDrawer();

      const refused = await flows.enable(workflowId).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(refused).toContain('answered 400');
      expect(refused).toContain('The sender refused the subscription, the workflow stays disabled');
      expect(refused).toContain('unknown event');
      expect((await flows.workflow(workflowId)).enabled).toBe(false);
      expect(provider.calls).toHaveLength(1);

      await designer.openTriggerConfig();
      await form
        .stateView()
        .getByText(/^Not registered with the sender yet/)
        .waitFor();
      const body = page.getByTestId('webhook-subscription-subscribe-body').locator('textarea');
      expect(JSON.parse(await body.inputValue())).toEqual({ url: '{{$webhook.url}}', events: ['invalid'] });
      await body.fill('{ "url": "{{$webhook.url}}", "events": ["push"] }');
      await designer.submitDrawer();

      await flows.enable(workflowId);
      expect(provider.calls).toHaveLength(2);
      expect(provider.calls[1]).toMatchObject({
        method: 'POST',
        path: '/hooks',
        body: { url: `${app.baseUrl}/api/webhook:trigger/${key}`, events: ['push'] },
      });
      const [hookId] = [...provider.hooks.keys()];

      await canvas.open(workflowId);
      await designer.openTriggerConfig();
      const status = page.getByTestId('webhook-subscription-status');
      await status.waitFor();
      await form.stateView().scrollIntoViewIfNeeded();
      expect(await status.getAttribute('data-status')).toBe('active');
      expect(await page.getByTestId('webhook-subscription-state').innerText()).toBe(`webhookId: ${hookId}`);
      // No refresh step: nothing to renew.
      expect(await page.getByTestId('webhook-subscription-next-refresh').innerText()).toBe('None');
      await session.screenshot('v2-subscription-active');
      await designer.closeDrawer();
    } finally {
      await provider.close();
    }
  }, 240_000);

  it('any trigger: a collection-event workflow offers its callback URL in both clients, hands it out and resumes', async () => {
    const { page } = session;
    // A workflow that runs when a user is created, and waits for a callback.
    const waitTitle = 'Wait for approval';
    const workflow = await flows.createWorkflow({
      title: 'New users (callback)',
      type: 'collection',
      config: { mode: 1, collection: 'users' },
    });
    const wait = await flows.createNode(workflow.id, {
      type: CALLBACK,
      title: waitTitle,
      config: { methods: ['POST'], onTimeout: 'fail' },
    });
    const urlLabel = `Callback URL (${waitTitle})`;

    // v2: a node inserted before the wait picks the URL from the trigger variables.
    const v2 = new Canvas(page, app.baseUrl, 'v2');
    await v2.open(workflow.id, 'Collection event');
    await (await v2.addNodeMenuItem('calculation', 0)).click();
    const calculation = await v2.openNode('Calculation');
    await calculation.getByText('String template', { exact: true }).click();
    const expression = calculation.locator('.ant-form-item').filter({ hasText: 'Calculation expression' });
    await v2.pickVariable(expression, ['Trigger variables']);
    // The collection trigger's own variables stay, the callback URLs come once after them.
    expect(await v2.pickerColumn()).toEqual(['Trigger data', 'Callback URLs']);
    await v2.pickerItem('Callback URLs').click();
    expect(await v2.pickerColumn()).toEqual([urlLabel]);
    await session.screenshot('v2-collection-trigger-callback-url-variable');
    await v2.pickerItem(urlLabel).click();
    await designer.submitDrawer();
    const calculationNode = await flows.nodeOfType(workflow.id, 'calculation');
    expect(calculationNode.config).toMatchObject({
      engine: 'string',
      expression: `{{$context.callbackUrls.${wait.key}}}`,
    });
    expect((await flows.node(wait.id)).upstreamId).toBe(calculationNode.id);

    // v1 offers the same entry in the same node.
    const v1 = new Canvas(page, app.baseUrl, 'v1');
    await v1.open(workflow.id, 'Collection event');
    const v1Calculation = await v1.openNode('Calculation');
    const v1Expression = v1Calculation.locator('.ant-form-item').filter({ hasText: 'Calculation expression' });
    await v1.pickVariable(v1Expression, ['Trigger variables', 'Callback URLs']);
    expect(await v1.pickerColumn()).toEqual([urlLabel]);
    await session.screenshot('v1-collection-trigger-callback-url-variable');

    // A new user starts a run; the node before the wait had the run's own URL.
    await flows.enable(workflow.id);
    await app.api('users:create', {
      body: { username: 'callback_tester', email: 'callback-tester@example.com', password: 'callback-tester-1' },
      token: flows.token,
    });
    const waiting = await flows.waitForPendingJob(workflow.id, wait.id);
    const callbackUrl = waiting.context.callbackUrls![wait.key];
    // Relative, or absolute when the app knows its public address.
    expect(callbackUrl).toMatch(/^(https?:\/\/[^/]+)?\/api\/webhook:callback\/\S+$/);
    expect(waiting.jobs.find((job) => job.nodeId === calculationNode.id)).toMatchObject({
      status: JOB_STATUS.RESOLVED,
      result: callbackUrl,
    });

    const answered = await fetch(new URL(callbackUrl, app.baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ approved: true }),
    });
    expect(answered.status).toBe(200);
    const ended = await flows.waitForEnd(waiting.id);
    expect(ended.status).toBe(EXECUTION_STATUS.RESOLVED);
    expect(ended.jobs.find((job) => job.nodeId === wait.id)).toMatchObject({
      status: JOB_STATUS.RESOLVED,
      result: { callbackUrl, request: { method: 'POST', body: { approved: true } } },
    });
  }, 240_000);
});
