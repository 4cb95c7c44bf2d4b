import { createCipheriv, createHash, createHmac, randomBytes } from 'crypto';
import twilio from 'twilio';
import { Webhook } from 'standardwebhooks';
import type { BrowserSession } from './helpers/browser';
import type { Designer } from './helpers/designer';
import { useDesignerSession } from './helpers/designerSession';
import type { RunningApp } from './helpers/runningApp';
import { sleep, waitUntil } from './helpers/waitUntil';
import { WebhookApi } from './helpers/webhookApi';

const BASIC = `Basic ${Buffer.from('hook:s3cret').toString('base64')}`;
const ORDER_SAMPLE = '{"order": {"id": 1, "total": 9.5}, "items": [{"sku": "A-1", "qty": 2}]}';
const GITHUB_SECRET = 'gh-hook-secret-7f3a';
const STANDARD_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const TWILIO_TOKEN = 'twilio-auth-token-5c1e';
const LARK_ENCRYPT_KEY = 'lark-encrypt-key-e2e';
const LARK_TOKEN = 'lark-verification-token-e2e';

/** A Lark event as Lark posts it with an Encrypt Key: encrypted, then signed over the encrypted body. */
function larkDelivery(event: unknown) {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(LARK_ENCRYPT_KEY).digest(), iv);
  const encrypted = Buffer.concat([iv, cipher.update(JSON.stringify(event)), cipher.final()]).toString('base64');
  const body = JSON.stringify({ encrypt: encrypted });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(4).toString('hex');
  const signature = createHash('sha256')
    .update(timestamp + nonce + LARK_ENCRYPT_KEY + body)
    .digest('hex');
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Lark-Request-Timestamp': timestamp,
      'X-Lark-Request-Nonce': nonce,
      'X-Lark-Signature': signature,
    },
  };
}

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
  let webhooks: WebhookApi;

  const workflow = async (id: string) =>
    (await app.api<{ data: WorkflowRecord }>(`workflows:get?filterByTk=${id}`, { token })).data;
  /** An entry of the open variable picker, by its exact label, and the labels of its rightmost column. */
  const pickerItem = (label: string) =>
    session.page
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .last();
  const pickerColumn = () =>
    session.page.locator('.ant-cascader-menu').last().locator('.ant-cascader-menu-item').allInnerTexts();

  useDesignerSession({}, (ready) => {
    ({ app, session, designer, token } = ready);
    webhooks = new WebhookApi(app, token);
  });

  it('v1: a synchronous webhook with Basic auth answers through an HTTP Response node', async () => {
    const { page } = session;
    const syncId = await designer.createWebhookWorkflow('Orders (sync)', true);

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
    const syncUrl = await designer.readWebhookUrl();

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
    // The immediate answer is rendered with the request: its picker offers the request's parts, and only them.
    await response.getByRole('button', { name: 'Add header' }).click();
    const echo = page.getByTestId('webhook-response-headers-row').last();
    await echo.getByPlaceholder('Header name').fill('X-Method');
    await echo.getByRole('button', { name: 'x' }).click();
    await pickerItem('Trigger variables').click();
    expect(await pickerColumn()).toEqual(['Method', 'Headers', 'Query parameters', 'Body', 'Files']);
    await session.screenshot('v1-async-response-variables');
    await pickerItem('Method').click();
    expect(await echo.getByPlaceholder('Value').inputValue()).toBe('{{$context.method}}');
    await page.getByTestId('webhook-response-body').locator('textarea').fill('accepted');
    const duplicates = page.getByTestId('webhook-section-idempotency');
    await duplicates.scrollIntoViewIfNeeded();
    await page.getByTestId('webhook-idempotency-source').getByText('From a header', { exact: true }).click();
    await page.getByTestId('webhook-idempotency-header').fill('X-Delivery');
    await session.screenshot('v1-async-trigger-response');
    await designer.submitDrawer();
    expect((await workflow(asyncId)).config).toMatchObject({
      response: {
        statusCode: 202,
        headers: [
          { name: 'X-Queue', value: 'orders' },
          { name: 'X-Method', value: '{{$context.method}}' },
        ],
        body: 'accepted',
      },
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
    expect(answered.headers.get('x-method')).toBe('POST');
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

  it('v1: a GitHub signing secret is saved masked, and only correctly signed deliveries are accepted', async () => {
    const { page } = session;
    const id = await designer.createWebhookWorkflow('GitHub pushes', false);

    await designer.openTriggerConfig();
    const security = page.getByTestId('webhook-section-security');
    // A custom scheme asks for its header and encoding; the payload template once a timestamp is read.
    await designer.pickOption(page.getByTestId('webhook-signature-preset'), 'Other (custom HMAC)');
    await page.getByTestId('webhook-signature-timestamp-header').fill('X-Timestamp');
    await page.getByTestId('webhook-signature-signed-payload').waitFor();
    await security.scrollIntoViewIfNeeded();
    await session.screenshot('v1-trigger-signature-custom');
    await designer.pickOption(page.getByTestId('webhook-signature-preset'), 'GitHub');
    await security.getByText('Checks X-Hub-Signature-256').waitFor();
    await page.getByTestId('webhook-signature-secret').fill(GITHUB_SECRET);
    await security.scrollIntoViewIfNeeded();
    await session.screenshot('v1-trigger-signature');
    await designer.submitDrawer();

    await designer.openTriggerConfig();
    const secret = page.getByTestId('webhook-signature-secret');
    expect(await secret.getAttribute('type')).toBe('password');
    expect(await secret.getAttribute('autocomplete')).toBe('new-password');
    expect(await secret.inputValue()).toBe(GITHUB_SECRET);
    await security.getByText('$env.NAME').waitFor();
    await security.scrollIntoViewIfNeeded();
    await session.screenshot('v1-trigger-signature-saved');
    await designer.closeDrawer();
    expect((await workflow(id)).config.signature).toEqual({ preset: 'github', secret: GITHUB_SECRET });

    await designer.enableWorkflow();
    const url = await designer.readWebhookUrl();
    const body = JSON.stringify({ ref: 'refs/heads/main', pusher: { name: 'octocat' } });
    const signature = `sha256=${createHmac('sha256', GITHUB_SECRET).update(body).digest('hex')}`;
    const deliver = (payload: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-GitHub-Event': 'push', 'X-Hub-Signature-256': signature },
        body: payload,
      });
    const signed = await deliver(body);
    expect(signed.status).toBe(200);
    const tampered = await deliver(body.replace('main', 'release'));
    expect(tampered.status).toBe(401);
  }, 180_000);

  it('v1: Twilio picked from the sender list: its auth token verifies signed form posts', async () => {
    const { page } = session;
    const id = await designer.createWebhookWorkflow('Twilio SMS', false);
    await designer.openTriggerConfig();
    await designer.pickOption(page.getByTestId('webhook-signature-preset'), 'Twilio');
    await page.getByTestId('webhook-signature-checks').getByText('X-Twilio-Signature', { exact: false }).waitFor();
    await page.getByTestId('webhook-signature-secret').fill(TWILIO_TOKEN);
    await page.getByTestId('webhook-section-security').scrollIntoViewIfNeeded();
    await session.screenshot('v1-trigger-sender-twilio');
    await designer.submitDrawer();
    expect((await workflow(id)).config).toMatchObject({
      signature: { preset: 'twilio', secret: TWILIO_TOKEN },
      idempotency: { header: 'I-Twilio-Idempotency-Token' },
    });

    await designer.enableWorkflow();
    const url = await designer.readWebhookUrl();
    const sms = { From: '+15551234567', To: '+15557654321', Body: 'hello', MessageSid: 'SM1' };
    const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, url, sms);
    const post = (fields: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await post(sms)).status).toBe(200);
    expect((await post({ ...sms, Body: 'changed' })).status).toBe(401);
  }, 180_000);

  it('v1: an open URL is flagged, and one click guards it with a random secret header', async () => {
    const { page } = session;
    const id = await designer.createWebhookWorkflow('Open URL', false);
    await designer.openTriggerConfig();
    const warning = page.getByTestId('webhook-open-url-warning');
    await warning.getByText('Anyone who learns this URL can start this workflow.').waitFor();
    await page.getByTestId('webhook-section-security').scrollIntoViewIfNeeded();
    await session.screenshot('v1-trigger-open-url-warning');
    await page.getByTestId('webhook-add-secret-header').click();
    await warning.waitFor({ state: 'detached' });
    expect(await page.getByTestId('webhook-auth-header-name').inputValue()).toBe('X-Webhook-Secret');
    const secret = await page.getByTestId('webhook-auth-header-value').inputValue();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await designer.submitDrawer();
    expect((await workflow(id)).config.auth).toEqual({ type: 'header', name: 'X-Webhook-Secret', value: secret });

    await designer.enableWorkflow();
    const url = await designer.readWebhookUrl();
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', body: '{}', headers: { 'X-Webhook-Secret': secret } })).status).toBe(
      200,
    );
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

  it('v2: a synchronous workflow as the v1 designer saves it renders its trigger and node, and both drawers open', async () => {
    const { page } = session;
    const hook = await webhooks.createWorkflow({
      title: 'Orders (sync, v2)',
      sync: true,
      config: {
        methods: ['POST'],
        auth: { type: 'basic', username: 'hook', password: 's3cret' },
        request: { body: [{ key: 'order.id', alias: 'Order ID' }] },
      },
    });
    await app.api(`workflows/${hook.id}/nodes:create`, {
      body: { type: 'response', config: { statusCode: 201, body: 'Order {{$context.body.order.id}}' } },
      token,
    });
    await page.goto(`${app.baseUrl}/v/admin/workflow/workflows/${hook.id}`);
    await designer.triggerCard().getByText('Webhook event').waitFor({ timeout: 60_000 });
    const status = page.getByTestId('response-node-status');
    await status.getByText('201').waitFor();
    await session.screenshot('v2-canvas');

    await designer.openTriggerConfig();
    expect(await page.getByTestId('webhook-url').inputValue()).toBe(hook.url);
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

  it('v2: a Standard Webhooks secret, an IP allow-list and a second method are saved in the v2 client', async () => {
    const { page } = session;
    const title = 'Invoices (v2)';
    const drawer = await designer.startNewWebhookWorkflow('/v/admin/settings/workflow', title);
    await drawer.getByText('Asynchronously', { exact: true }).click();
    await designer.submitDrawer();
    const filter = encodeURIComponent(JSON.stringify({ title }));
    const { data } = await app.api<{ data: { id: number }[] }>(`workflows:list?filter=${filter}`, { token });
    const id = String(data[0].id);

    await page.goto(`${app.baseUrl}/v/admin/workflow/workflows/${id}`);
    await designer.triggerCard().getByText('Webhook event').waitFor({ timeout: 60_000 });
    await designer.openTriggerConfig();
    await designer.pickOption(page.getByTestId('webhook-signature-preset'), 'Standard Webhooks / Svix');
    await page.getByTestId('webhook-signature-secret').fill(STANDARD_SECRET);
    await page.getByTestId('webhook-signature-tolerance').fill('600');
    await page.getByTestId('webhook-section-security').scrollIntoViewIfNeeded();
    await session.screenshot('v2-trigger-signature');

    const access = page.getByTestId('webhook-section-access');
    await access.scrollIntoViewIfNeeded();
    await page.getByTestId('webhook-methods').getByText('PUT', { exact: true }).click();
    const allowlist = page.getByTestId('webhook-ip-allowlist');
    // An entry that is no address is refused in the form, as it would never match a caller.
    await designer.addTags(allowlist, ['10.0.0.300']);
    await access.getByText('Not an IP address or CIDR range: 10.0.0.300').waitFor();
    await allowlist.locator('.ant-select-selection-item-remove').click();
    await access.getByText('Not an IP address or CIDR range').waitFor({ state: 'hidden' });
    await designer.addTags(allowlist, ['127.0.0.0/8', '::1']);
    await page.getByTestId('webhook-max-body-size').fill('64kb');
    await session.screenshot('v2-trigger-access');
    const handshake = page.getByTestId('webhook-section-handshake');
    await handshake.getByText('Meta hub.challenge', { exact: true }).click();
    expect(await page.getByTestId('webhook-handshake-verify-token').getAttribute('type')).toBe('password');
    await handshake.scrollIntoViewIfNeeded();
    await session.screenshot('v2-trigger-handshake');
    await handshake.getByText('None', { exact: true }).click();
    await page.getByTestId('webhook-raw-body').click();
    await page.getByTestId('webhook-raw-body').scrollIntoViewIfNeeded();
    await session.screenshot('v2-trigger-raw-body');
    await designer.submitDrawer();

    await designer.openTriggerConfig();
    const secret = page.getByTestId('webhook-signature-secret');
    expect(await secret.getAttribute('type')).toBe('password');
    expect(await secret.inputValue()).toBe(STANDARD_SECRET);
    await page.getByTestId('webhook-section-url').getByText('Send HTTP POST, PUT requests').waitFor();
    await designer.closeDrawer();
    const { config, key } = await workflow(id);
    expect(config).toMatchObject({
      signature: { preset: 'standard-webhooks', secret: STANDARD_SECRET, tolerance: 600 },
      methods: ['POST', 'PUT'],
      ipAllowlist: ['127.0.0.0/8', '::1'],
      limits: { maxBodySize: '64kb' },
      handshake: { type: 'none' },
      rawBody: true,
    });

    await app.api(`workflows:update?filterByTk=${id}`, { body: { enabled: true }, token });
    const url = `${app.baseUrl}/api/webhook:trigger/${key}`;
    const body = JSON.stringify({ type: 'invoice.paid', data: { id: 'in_1' } });
    const signed = (payload: string) => {
      const messageId = `msg_${randomBytes(8).toString('hex')}`;
      const at = new Date();
      return {
        'Content-Type': 'application/json',
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(STANDARD_SECRET).sign(messageId, at, payload),
      };
    };
    const accepted = await fetch(url, { method: 'PUT', headers: signed(body), body });
    expect(accepted.status).toBe(200);
    const tampered = await fetch(url, { method: 'PUT', headers: signed(body), body: body.replace('in_1', 'in_2') });
    expect(tampered.status).toBe(401);
  }, 180_000);
  it('v2: Lark picked from the sender list: its keys verify and decrypt events in the v2 client', async () => {
    const { page } = session;
    const title = 'Lark messages (v2)';
    const drawer = await designer.startNewWebhookWorkflow('/v/admin/settings/workflow', title);
    await drawer.getByText('Asynchronously', { exact: true }).click();
    await designer.submitDrawer();
    const filter = encodeURIComponent(JSON.stringify({ title }));
    const { data } = await app.api<{ data: { id: number }[] }>(`workflows:list?filter=${filter}`, { token });
    const id = String(data[0].id);

    await page.goto(`${app.baseUrl}/v/admin/workflow/workflows/${id}`);
    await designer.triggerCard().getByText('Webhook event').waitFor({ timeout: 60_000 });
    await designer.openTriggerConfig();
    await designer.pickOption(page.getByTestId('webhook-signature-preset'), 'Lark / Feishu');
    await page.getByTestId('webhook-signature-secret').fill(LARK_ENCRYPT_KEY);
    await page.getByTestId('webhook-signature-token').fill(LARK_TOKEN);
    await page.getByTestId('webhook-section-security').scrollIntoViewIfNeeded();
    await session.screenshot('v2-trigger-sender-lark');
    await designer.submitDrawer();
    const { config, key } = await workflow(id);
    expect(config).toMatchObject({
      signature: { preset: 'lark', secret: LARK_ENCRYPT_KEY, token: LARK_TOKEN },
      eventType: { bodyPath: 'header.event_type' },
    });

    await app.api(`workflows:update?filterByTk=${id}`, { body: { enabled: true }, token });
    const url = `${app.baseUrl}/api/webhook:trigger/${key}`;
    const event = {
      schema: '2.0',
      header: { event_id: 'ev_e2e_1', event_type: 'im.message.receive_v1', token: LARK_TOKEN },
      event: { message: { message_id: 'om_1', message_type: 'text' } },
    };
    const signed = larkDelivery(event);
    expect((await fetch(url, { method: 'POST', headers: signed.headers, body: signed.body })).status).toBe(200);
    const other = larkDelivery({ ...event, header: { ...event.header, event_id: 'ev_e2e_2' } });
    const tampered = await fetch(url, { method: 'POST', headers: signed.headers, body: other.body });
    expect(tampered.status).toBe(401);
  }, 180_000);

  /** A delivery that runs and one refused for its malformed body, both kept in the history. */
  const deliverOrderAndMalformed = async (url: string) => {
    const ran = await fetch(`${url}?page=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shop': 'acme' },
      body: JSON.stringify({ order: { id: 7 } }),
    });
    expect(ran.status).toBe(200);
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"order": ',
    });
    expect(refused.status).toBe(400);
  };

  it('v1: the delivery history lists deliveries, opens one and replays it as a new run', async () => {
    const { page } = session;
    const hook = await webhooks.createWorkflow({
      title: 'Deliveries (v1)',
      enabled: true,
      config: { request: { headers: [{ key: 'X-Shop' }] } },
    });
    await deliverOrderAndMalformed(hook.url);
    const [refusedRow, ranRow] = await webhooks.settledDeliveries(hook.id, 2);
    expect(ranRow.executionId).toEqual(expect.anything());

    await designer.openCanvas('v1', hook.id);
    const history = await designer.openDeliveryHistory();
    const rows = designer.historyRows();
    await waitUntil(async () => (await rows.count()) === 2, 'two deliveries in the history');
    const refused = rows.filter({ has: page.locator('[data-outcome="refused"]') });
    await refused.getByText('Malformed JSON body').waitFor();
    expect(await refused.getByTestId('webhook-answer-status').innerText()).toBe('400');
    expect(await refused.locator('.ant-checkbox-input').isDisabled()).toBe(true);
    const ran = rows.filter({ has: page.locator('[data-outcome="ran"]') });
    await ran.getByText('POST').waitFor();
    await ran.getByText(/\d+ (ms|s)$/).waitFor();
    // The workflow plugin's own route for executions in the v1 client, and the page opens there.
    const href = await ran.getByTestId('webhook-execution-link').getAttribute('href');
    expect(href).toBe(`/admin/settings/workflow/executions/${ranRow.executionId}`);
    const tab = await page.context().newPage();
    await tab.goto(`${app.baseUrl}${href}`);
    await tab
      .getByRole('button', { name: /^Trigger-/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await tab.close();
    await session.screenshot('v1-history');

    await designer.pickOption(history.getByTestId('webhook-history-filter'), 'Refused');
    await waitUntil(async () => (await rows.count()) === 1, 'only the refused delivery');
    await page.locator(`tr[data-row-key="${refusedRow.id}"]`).waitFor();
    // Refreshing also closes the filter's dropdown, which lies over the table.
    await history.getByTestId('webhook-history-refresh').click();
    await session.screenshot('v1-history-filtered');
    await history.locator('.ant-select-selection-item-remove').click();
    await waitUntil(async () => (await rows.count()) === 2, 'both deliveries again');

    await ran.click();
    const detail = page.getByTestId('webhook-delivery-detail');
    await detail.getByText(`Delivery #${ranRow.id}`).waitFor();
    await detail.getByText('Resolved').waitFor();
    await page.getByTestId('webhook-delivery-request-headers').getByText('acme').waitFor();
    expect(await page.getByTestId('webhook-delivery-request-body').innerText()).toBe(
      '{\n  "order": {\n    "id": 7\n  }\n}',
    );
    await page.getByTestId('webhook-delivery-request-query').getByText('"page": "1"').waitFor();
    await session.screenshot('v1-delivery-detail');

    await page.getByTestId('webhook-delivery-replay').click();
    await page.getByText(/Replayed as delivery #\d+/).waitFor();
    await webhooks.waitForExecutions(hook.id, 2);
    await designer.closeDrawerNamed('webhook-delivery-detail');
    // The replay is listed first and the table follows it until its run has ended.
    const replay = rows.first();
    await replay.getByText(`Replay of #${ranRow.id}`).waitFor();
    await replay.locator('[data-outcome="ran"]').waitFor();
    await session.screenshot('v1-history-replayed');

    // Several at once: the two stored deliveries; the refused one cannot be picked.
    await waitUntil(async () => (await rows.count()) === 3, 'three deliveries');
    for (const row of await rows.filter({ has: page.locator('[data-outcome="ran"]') }).all()) {
      await row.locator('.ant-checkbox-input').check();
    }
    await history.getByRole('button', { name: /Replay selected \(2\)/ }).click();
    await page.getByText('Replays started: 2.').waitFor();
    await webhooks.waitForExecutions(hook.id, 4);
    await waitUntil(async () => (await rows.count()) === 5, 'five deliveries');
    await designer.closeDrawerNamed('webhook-history');
    await designer.closeDrawer();
  }, 180_000);

  it('v1: listening catches a test request to a disabled workflow and fills the rows from it', async () => {
    const { page } = session;
    const hook = await webhooks.createWorkflow({ title: 'Listen (v1)' });
    await designer.openCanvas('v1', hook.id);
    await designer.openTriggerConfig();
    const section = page.getByTestId('webhook-section-request');

    // Cancelled: the listener is stopped and the button comes back.
    await page.getByTestId('webhook-listen').click();
    await page
      .getByTestId('webhook-listen-countdown')
      .getByText(/^(2:00|1:5\d)$/)
      .waitFor();
    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await session.screenshot('v1-listen-waiting');
    await Promise.all([
      page.waitForResponse((response) => response.url().includes('webhookDeliveries:stopListening')),
      page.getByTestId('webhook-listen-cancel').click(),
    ]);
    await page.getByTestId('webhook-listen').waitFor();
    const notListening = await fetch(hook.url, { method: 'POST', body: '{}' });
    expect(notListening.status).toBe(404);

    await page.getByTestId('webhook-listen').click();
    await page.getByTestId('webhook-listen-waiting').waitFor();
    const caught = await fetch(`${hook.url}?source=test`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shop': 'acme', Authorization: 'Bearer sk_live_secret' },
      body: JSON.stringify({ order: { id: 1 } }),
    });
    expect(caught.status).toBe(200);
    const captured = page.getByTestId('webhook-listen-captured');
    await captured.getByText('POST', { exact: true }).waitFor();
    const headers = page.getByTestId('webhook-listen-request-headers');
    await headers.getByText('acme').waitFor();
    await headers.getByText('••••••').waitFor();
    expect(await headers.innerText()).not.toContain('sk_live_secret');
    await page.getByTestId('webhook-listen-request-body').getByText('"id": 1').waitFor();
    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await session.screenshot('v1-listen-captured');

    await page.getByTestId('webhook-listen-apply').click();
    await page.getByText('Added 4 new rows.').waitFor();
    expect(await page.getByTestId('webhook-headers-row').locator('input').first().inputValue()).toBe('x-shop');
    const bodyKeys = await page
      .getByTestId('webhook-body-row')
      .evaluateAll((rows) => rows.map((row) => (row.querySelector('input') as HTMLInputElement).value));
    expect(bodyKeys).toEqual(['order', 'order.id']);
    await page.getByTestId('webhook-listen-apply').click();
    await page.getByText('Every field of this request is already listed.').waitFor();
    await page.getByTestId('webhook-headers').scrollIntoViewIfNeeded();
    await session.screenshot('v1-listen-applied');
    await designer.submitDrawer();
    expect((await workflow(String(hook.id))).config).toMatchObject({
      request: {
        headers: [{ key: 'x-shop' }],
        query: [{ key: 'source' }],
        body: [{ key: 'order' }, { key: 'order.id' }],
      },
    });
    // The workflow is disabled: the caught request was answered without a run.
    expect(await webhooks.executionCount(hook.id)).toBe(0);

    // Closing the drawer stops listening: no more polls, and the URL answers 404 again.
    await designer.openTriggerConfig();
    await page.getByTestId('webhook-listen').click();
    await page.getByTestId('webhook-listen-waiting').waitFor();
    let polls = 0;
    const countPolls = (request: { url(): string }) => {
      if (request.url().includes('webhookDeliveries:listened')) {
        polls += 1;
      }
    };
    await designer.closeDrawer();
    await sleep(1500);
    page.on('request', countPolls);
    await sleep(3000);
    page.off('request', countPolls);
    expect(polls).toBe(0);
    expect((await fetch(hook.url, { method: 'POST', body: '{}' })).status).toBe(404);
  }, 180_000);

  it('v2: the delivery history opens a delivery and replays it in the v2 client', async () => {
    const { page } = session;
    const hook = await webhooks.createWorkflow({ title: 'Deliveries (v2)', enabled: true });
    await deliverOrderAndMalformed(hook.url);
    const [, ranRow] = await webhooks.settledDeliveries(hook.id, 2);

    await designer.openCanvas('v2', hook.id);
    await designer.openDeliveryHistory();
    const rows = designer.historyRows();
    await waitUntil(async () => (await rows.count()) === 2, 'two deliveries in the history');
    const ran = rows.filter({ has: page.locator('[data-outcome="ran"]') });
    expect(await ran.getByTestId('webhook-execution-link').getAttribute('href')).toBe(
      `/v/admin/workflow/executions/${ranRow.executionId}`,
    );
    await rows
      .filter({ has: page.locator('[data-outcome="refused"]') })
      .getByText('Malformed JSON body')
      .waitFor();
    await session.screenshot('v2-history');

    await ran.click();
    const detail = page.getByTestId('webhook-delivery-detail');
    await detail.getByText('Resolved').waitFor();
    await page.getByTestId('webhook-delivery-request-body').getByText('"id": 7').waitFor();
    await session.screenshot('v2-delivery-detail');
    await page.getByTestId('webhook-delivery-replay').click();
    await page.getByText(/Replayed as delivery #\d+/).waitFor();
    await webhooks.waitForExecutions(hook.id, 2);
    await designer.closeDrawerNamed('webhook-delivery-detail');
    await rows.first().getByText(`Replay of #${ranRow.id}`).waitFor();
    await designer.closeDrawerNamed('webhook-history');
    await designer.closeDrawer();
  }, 180_000);

  it('v2: listening catches a test request and fills the rows in the v2 client', async () => {
    const { page } = session;
    const hook = await webhooks.createWorkflow({ title: 'Listen (v2)' });
    await designer.openCanvas('v2', hook.id);
    await designer.openTriggerConfig();
    await page.getByTestId('webhook-listen').click();
    await page.getByTestId('webhook-listen-waiting').waitFor();
    const caught = await fetch(hook.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shop': 'acme' },
      body: JSON.stringify({ order: { id: 1 } }),
    });
    expect(caught.status).toBe(200);
    await page.getByTestId('webhook-listen-request-headers').getByText('acme').waitFor();
    await page.getByTestId('webhook-section-request').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await session.screenshot('v2-listen-captured');
    await page.getByTestId('webhook-listen-apply').click();
    await page.getByText('Added 3 new rows.').waitFor();
    await page.getByTestId('webhook-headers').scrollIntoViewIfNeeded();
    await session.screenshot('v2-listen-applied');
    await designer.submitDrawer();
    expect((await workflow(String(hook.id))).config).toMatchObject({
      request: { headers: [{ key: 'x-shop' }], body: [{ key: 'order' }, { key: 'order.id' }] },
    });
  }, 180_000);

  it('v1 and v2: the retention limits are saved from the plugin settings page', async () => {
    const { page } = session;
    const stored = async () =>
      (await app.api<{ data: Record<string, unknown> }>('webhookSettings:get', { token })).data;
    const input = (field: string) => page.getByTestId(`webhook-retention-${field}`);

    await page.goto(`${app.baseUrl}/admin/settings/workflow-webhook`);
    await page.getByRole('tab', { name: 'Retention' }).click();
    await page.getByText('Failed deliveries and deliveries that have not run yet are always kept.').waitFor();
    expect(await input('maxRowsPerWorkflow').getAttribute('placeholder')).toBe('Default: 10000');
    await input('maxRowsPerWorkflow').fill('500');
    await page.getByTestId('webhook-settings-save').click();
    await page.getByText('Retention settings saved').waitFor();
    await session.screenshot('v1-settings');
    expect(await stored()).toMatchObject({ maxAgeDays: null, maxRowsPerWorkflow: 500, maxRefusedPerWorkflow: null });

    // The v2 page shows what v1 saved; a limit emptied there falls back again.
    await page.goto(`${app.baseUrl}/v/admin/settings/workflow-webhook`);
    await page.getByRole('tab', { name: 'Retention' }).click();
    await page.getByTestId('webhook-retention-form').waitFor();
    expect(await input('maxRowsPerWorkflow').inputValue()).toBe('500');
    await input('maxAgeDays').fill('2.5');
    await input('maxRowsPerWorkflow').fill('');
    await page.getByTestId('webhook-settings-save').click();
    await page.getByText('Retention settings saved').waitFor();
    await session.screenshot('v2-settings');
    expect(await stored()).toMatchObject({ maxAgeDays: 2.5, maxRowsPerWorkflow: null, maxRefusedPerWorkflow: null });
  }, 180_000);
  it("v1 and v2: the overview shows every webhook workflow's traffic and a chart by outcome", async () => {
    const { page } = session;
    // Earlier tests delivered to several workflows; one more makes sure the last hour has traffic.
    const id = await designer.createWebhookWorkflow('Overview traffic', false);
    await designer.enableWorkflow();
    const url = await designer.readWebhookUrl();
    for (let n = 0; n < 3; n += 1) {
      expect((await fetch(url, { method: 'POST', body: JSON.stringify({ n }) })).status).toBe(200);
    }
    const title = 'Overview traffic';
    for (const [client, path] of [
      ['v1', '/admin/settings/workflow-webhook'],
      ['v2', '/v/admin/settings/workflow-webhook'],
    ] as const) {
      await page.goto(`${app.baseUrl}${path}`);
      const table = page.getByTestId('webhook-overview-table');
      const row = table.locator('tr').filter({ hasText: title });
      await row.waitFor({ timeout: 60_000 });
      // Received in the last hour: the three deliveries just sent.
      await row.getByText('3', { exact: true }).first().waitFor();
      await page.getByTestId('webhook-stats-canvas').waitFor();
      const box = await page.getByTestId('webhook-stats-canvas').boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      await page.getByTestId('webhook-stats-range').getByText('Last day (per 15 minutes)', { exact: true }).click();
      await session.screenshot(`${client}-settings-overview`);
      await page.getByRole('tab', { name: 'Deliveries' }).click();
      await page.getByTestId('webhook-all-deliveries').getByText(title).first().waitFor();
      await session.screenshot(`${client}-settings-all-deliveries`);
    }
    expect(id).toBeTruthy();
  }, 180_000);
});
