import { BrowserSession, openBrowser } from './helpers/browser';
import { Designer } from './helpers/designer';
import { RunningApp, startRunningApp } from './helpers/runningApp';
import { waitUntil } from './helpers/waitUntil';

const BASIC = `Basic ${Buffer.from('hook:s3cret').toString('base64')}`;
const ORDER_SAMPLE = '{"order": {"id": 1, "total": 9.5}, "items": [{"sku": "A-1", "qty": 2}]}';

interface WorkflowRecord {
  key: string;
  config: Record<string, unknown>;
}

/**
 * The designer UI in a real browser against `npm start`'s app: a person builds webhook workflows
 * in the v1 client, calls them over HTTP, and opens the result in the v2 client.
 */
describe('webhook designer in the browser', () => {
  let app: RunningApp;
  let session: BrowserSession;
  let designer: Designer;
  let token: string;
  let syncId: string;
  let syncUrl: string;

  const workflow = async (id: string) =>
    (await app.api<{ data: WorkflowRecord }>(`workflows:get?filterByTk=${id}`, { token })).data;

  beforeAll(async () => {
    app = await startRunningApp();
    token = await app.signIn();
    session = await openBrowser();
    designer = new Designer(session.page, app.baseUrl);
    await designer.signIn();
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await app?.stop();
  });

  afterEach(() => {
    expect(session.pluginErrors).toEqual([]);
  });

  it('v1: a synchronous webhook with Basic auth answers through an HTTP Response node', async () => {
    const { page } = session;
    syncId = await designer.createWebhookWorkflow('Orders (sync)', true);

    const config = await designer.openTriggerConfig();
    await session.screenshot('v1-trigger-drawer');
    const { key } = await workflow(syncId);
    expect(await page.getByTestId('webhook-url').inputValue()).toBe(`${app.baseUrl}/api/webhook:trigger/${key}`);

    await config.getByText('HTTP Basic', { exact: true }).click();
    await page.getByTestId('webhook-auth-username').fill('hook');
    await page.getByTestId('webhook-auth-password').fill('s3cret');

    await page.getByTestId('webhook-headers').getByRole('button', { name: 'Add header' }).click();
    await page
      .getByTestId('webhook-headers-row')
      .last()
      .getByPlaceholder(/Header name/)
      .fill('X-Request-Id');
    await page.getByTestId('webhook-headers-row').last().getByPlaceholder(/Alias/).fill('Request ID');

    await page.getByTestId('webhook-query-sample-open').click();
    await page.getByTestId('webhook-query-sample-input').fill('https://shop.test/hook?page=1&filter[status]=paid');
    await page.getByTestId('webhook-query-sample-submit').click();
    await waitUntil(async () => (await page.getByTestId('webhook-query-row').count()) === 3, 'three query rows');

    await page.getByTestId('webhook-body-sample-open').click();
    await page.getByTestId('webhook-body-sample-input').fill('{"order": {"id": 1');
    await page.getByTestId('webhook-body-sample-submit').click();
    await page.getByTestId('webhook-body-sample-error').getByText('not valid JSON').waitFor();
    await session.screenshot('v1-trigger-invalid-sample');
    await page.getByTestId('webhook-body-sample-input').fill(ORDER_SAMPLE);
    await page.getByTestId('webhook-body-sample-submit').click();
    const bodyRows = page.getByTestId('webhook-body-row');
    await waitUntil(async () => (await bodyRows.count()) === 7, 'seven body rows');
    await bodyRows
      .filter({ has: page.locator('input[value="order.id"]') })
      .getByPlaceholder(/Alias/)
      .fill('Order ID');
    await page.getByTestId('webhook-section-request').scrollIntoViewIfNeeded();
    await session.screenshot('v1-trigger-request-fields');
    await designer.submitDrawer();

    expect((await workflow(syncId)).config).toMatchObject({
      auth: { type: 'basic', username: 'hook', password: 's3cret' },
      request: {
        headers: [{ key: 'X-Request-Id', alias: 'Request ID' }],
        query: [{ key: 'page' }, { key: 'filter' }, { key: 'filter.status' }],
        body: expect.arrayContaining([{ key: 'order.id', alias: 'Order ID' }, { key: 'items[0].sku' }]),
      },
    });

    const responseItem = await designer.openAddNodeMenu();
    expect(await responseItem.getAttribute('aria-disabled')).toBe('false');
    await responseItem.click();
    const status = page.getByTestId('response-node-status');
    await status.getByText('200').waitFor();

    await status.click();
    const node = page.getByTestId('response-node-config');
    await node.waitFor();
    await node.locator('.ant-input-number input').fill('201');
    await node.getByRole('button', { name: 'Add header' }).click();
    await node.getByPlaceholder('Header name').fill('X-Handled-By');
    await page.getByTestId('response-node-headers-row').locator('textarea').fill('nocobase');
    const body = page.getByTestId('response-node-body');
    await body.locator('textarea').fill('Order ');
    await designer.pickVariable(body, ['Trigger variables', 'Body', 'order', 'Order ID']);
    expect(await body.locator('textarea').inputValue()).toBe('Order {{$context.body.order.id}}');
    await session.screenshot('v1-response-node-drawer');
    await designer.submitDrawer();
    await status.getByText('201').waitFor();

    await designer.enableWorkflow();
    await session.screenshot('v1-sync-canvas');
    syncUrl = await designer.readWebhookUrl();

    const denied = await fetch(syncUrl, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(denied.status).toBe(401);
    const answered = await fetch(syncUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: BASIC, 'X-Request-Id': 'r-1' },
      body: JSON.stringify({ order: { id: 42 }, items: [] }),
    });
    expect(answered.status).toBe(201);
    expect(answered.headers.get('x-handled-by')).toBe('nocobase');
    expect(await answered.text()).toBe('Order 42');

    let history = await designer.openExecutionHistory();
    await history.getByText('Resolved').first().waitFor();
    expect(await history.locator('tbody tr.ant-table-row').count()).toBe(1);
    await session.screenshot('v1-execution-history');
    await designer.closeDrawer();

    // "Execute manually" runs a pasted sample request like a real one.
    await page.getByRole('button', { name: 'Execute manually' }).click();
    const sample = page.getByTestId('webhook-execute');
    await sample.locator('textarea').first().fill('{"X-Request-Id": "m-1"}');
    await sample.locator('input').fill('page=2');
    await sample.locator('textarea').last().fill('{"order": {"id": 77}}');
    await session.screenshot('v1-execute-manually');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Workflow executed').waitFor();
    history = await designer.openExecutionHistory();
    await waitUntil(async () => (await history.locator('tbody tr.ant-table-row').count()) === 2, 'two executions');
  }, 180_000);

  it('v1: an asynchronous webhook answers at once with the response set on the trigger', async () => {
    const { page } = session;
    const asyncId = await designer.createWebhookWorkflow('Orders (async)', false);

    await designer.openTriggerConfig();
    const response = page.getByTestId('webhook-section-response');
    await response.scrollIntoViewIfNeeded();
    await response.locator('.ant-input-number input').fill('202');
    await response.getByRole('button', { name: 'Add header' }).click();
    // A name a header cannot have is refused in the form, as the server refuses to save it.
    await response.getByPlaceholder('Header name').fill('Bad Name');
    await response.getByText('without spaces').waitFor();
    await response.getByPlaceholder('Header name').fill('X-Queue');
    await response.getByText('without spaces').waitFor({ state: 'hidden' });
    await response.getByPlaceholder('Value').fill('orders');
    await page.getByTestId('webhook-response-body').locator('textarea').fill('accepted');
    const duplicates = page.getByTestId('webhook-section-idempotency');
    await duplicates.scrollIntoViewIfNeeded();
    await duplicates.getByText('From a header', { exact: true }).click();
    await page.getByTestId('webhook-idempotency-header').fill('X-Delivery');
    await session.screenshot('v1-async-trigger-response');
    await designer.submitDrawer();
    expect((await workflow(asyncId)).config).toMatchObject({
      response: { statusCode: 202, headers: [{ name: 'X-Queue', value: 'orders' }], body: 'accepted' },
      idempotency: { header: 'X-Delivery' },
    });

    const responseItem = await designer.openAddNodeMenu();
    expect(await responseItem.getAttribute('aria-disabled')).toBe('true');
    await session.screenshot('v1-async-add-node');
    await page.keyboard.press('Escape');
    await designer.drawer().waitFor({ state: 'hidden' });

    await designer.enableWorkflow();
    const url = await designer.readWebhookUrl();
    const deliver = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Delivery': 'order-7' },
        body: JSON.stringify({ order: { id: 7 } }),
      });
    const answered = await deliver();
    expect(answered.status).toBe(202);
    expect(answered.headers.get('x-queue')).toBe('orders');
    expect(await answered.text()).toBe('accepted');
    // The sender retries the same delivery: answered the same, marked as a replay, not run again.
    const repeated = await deliver();
    expect(repeated.status).toBe(202);
    expect(repeated.headers.get('idempotent-replayed')).toBe('true');

    // The run happens after the answer: refresh the history until it shows up.
    const history = await designer.openExecutionHistory();
    await waitUntil(async () => {
      await history.getByRole('button', { name: /Refresh/ }).click();
      return (await history.getByText('Resolved').count()) > 0;
    }, 'the asynchronous run in the execution history');
    await session.screenshot('v1-async-execution-history');
  }, 180_000);

  it('v2: a webhook workflow is created and given an HTTP Response node in the v2 client', async () => {
    const { page } = session;
    const title = 'Orders (v2)';
    const drawer = await designer.startNewWebhookWorkflow('/v/admin/settings/workflow', title);
    await drawer.getByText('Synchronously', { exact: true }).click();
    await session.screenshot('v2-add-new');
    await designer.submitDrawer();
    const filter = encodeURIComponent(JSON.stringify({ title }));
    const { data } = await app.api<{ data: { id: number }[] }>(`workflows:list?filter=${filter}`, { token });
    expect(data).toHaveLength(1);

    await page.goto(`${app.baseUrl}/v/admin/workflow/workflows/${data[0].id}`);
    await designer.triggerCard().getByText('Webhook event').waitFor({ timeout: 60_000 });
    await page.locator('[aria-label^="add-button"]').first().click();
    // The v2 add-node menu names its entries by menu id rather than aria-label.
    const responseItem = page.locator('li[data-menu-id$="-response"]');
    expect(await responseItem.getAttribute('aria-disabled')).toBe('false');
    await responseItem.click();
    const status = page.getByTestId('response-node-status');
    await status.getByText('200').waitFor();
    await status.click();
    await page.getByTestId('response-node-config').locator('.ant-input-number input').fill('418');
    await designer.submitDrawer();
    await status.getByText('418').waitFor();
    await session.screenshot('v2-new-workflow-canvas');
  }, 120_000);

  it('v2: the workflow built in v1 renders its trigger and node, and both drawers open', async () => {
    const { page } = session;
    await page.goto(`${app.baseUrl}/v/admin/workflow/workflows/${syncId}`);
    await designer.triggerCard().getByText('Webhook event').waitFor({ timeout: 60_000 });
    const status = page.getByTestId('response-node-status');
    await status.getByText('201').waitFor();
    await session.screenshot('v2-canvas');

    await designer.openTriggerConfig();
    expect(await page.getByTestId('webhook-url').inputValue()).toBe(syncUrl);
    expect(await page.getByTestId('webhook-auth-username').inputValue()).toBe('hook');
    await session.screenshot('v2-trigger-drawer');
    await designer.closeDrawer();

    await status.click();
    const node = page.getByTestId('response-node-config');
    await node.waitFor();
    expect(await page.getByTestId('response-node-body').locator('textarea').inputValue()).toBe(
      'Order {{$context.body.order.id}}',
    );
    await session.screenshot('v2-node-drawer');
    await designer.closeDrawer();
  }, 120_000);
});
