/**
 * The sections of the trigger's drawer, rendered for real inside an antd Form as the workflow
 * plugin's drawer renders them. The modules the NocoBase page provides are TEST DOUBLES here
 * (src/client-v2/__tests__/doubles, mapped in jest.config.js): variable inputs are antd text areas
 * with a "Variables" select listing what the real picker would offer, and the API answers from
 * handlers each test sets.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { api, propertyMetaTree } from '../../__tests__/doubles/flowEngine';
import { addTags, fill, offeredBy, pick, pickVariable, submitErrors, user } from '../../__tests__/interact';
import { renderInForm } from '../../__tests__/renderInForm';
import {
  AccessSection,
  EventsSection,
  IdempotencySection,
  RequestSection,
  ResponseSection,
  SecuritySection,
  SubscriptionSection,
  UrlSection,
  type WorkflowProps,
} from '../TriggerSections';

const ASYNC = { id: 7, key: 'k3y', sync: false };
const SYNC = { id: 8, key: 'k3y', sync: true };

/** One section of the trigger's drawer, in the drawer's form, for an asynchronous workflow unless told. */
function renderSection(
  Section: React.ComponentType<WorkflowProps>,
  config: Record<string, unknown> = {},
  workflow: NonNullable<WorkflowProps['workflow']> = ASYNC,
) {
  return renderInForm(<Section workflow={workflow} />, { config: { methods: ['POST'], ...config }, workflow });
}

const byTestId = (id: string) => screen.getByTestId(id);

describe('the trigger drawer: URL', () => {
  it('shows the full URL with a copy button, and the methods it answers', () => {
    renderSection(UrlSection, { methods: ['POST', 'PUT'] });
    expect(byTestId('webhook-url')).toHaveValue('http://localhost/api/webhook:trigger/k3y');
    const section = within(byTestId('webhook-section-url'));
    expect(section.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(section.getByText(/^Send HTTP POST, PUT requests to this URL/)).toBeInTheDocument();
  });
});

describe('the trigger drawer: security', () => {
  it('flags an open URL, and one click guards it with a random secret header', async () => {
    const { config } = renderSection(SecuritySection);
    expect(byTestId('webhook-open-url-warning')).toHaveTextContent(
      'Anyone who learns this URL can start this workflow.',
    );
    await user.click(byTestId('webhook-add-secret-header'));
    expect(config().auth).toEqual({
      type: 'header',
      name: 'X-Webhook-Secret',
      value: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(screen.queryByTestId('webhook-open-url-warning')).not.toBeInTheDocument();
    expect(byTestId('webhook-auth-header-value')).toHaveAttribute('type', 'password');
  });

  it('asks for Basic credentials, and drops them when another type is chosen', async () => {
    const { config, submit } = renderSection(SecuritySection);
    await user.click(screen.getByText('HTTP Basic'));
    expect(await submitErrors(submit)).toEqual(['Required', 'Required']);
    await fill(byTestId('webhook-auth-username'), 'hook');
    await fill(byTestId('webhook-auth-password'), 's3cret');
    expect(config().auth).toEqual({ type: 'basic', username: 'hook', password: 's3cret' });
    await user.click(screen.getByText('Bearer token'));
    expect(config().auth).toEqual({ type: 'bearer' });
    expect(byTestId('webhook-auth-token')).toHaveAttribute('autocomplete', 'new-password');
  });

  it('refuses a header name no header can have', async () => {
    const { submit } = renderSection(SecuritySection, { auth: { type: 'header' } });
    await fill(byTestId('webhook-auth-header-name'), 'Bad Name');
    await fill(byTestId('webhook-auth-header-value'), 'x');
    expect(await submitErrors(submit)).toEqual(["Letters, digits and !#$%&'*+.^_`|~- only, without spaces"]);
  });

  it("checks a sender's signature with its secret, and asks a custom one for its scheme", async () => {
    const { config } = renderSection(SecuritySection);
    const preset = byTestId('webhook-signature-preset');
    await pick(preset, 'Other (custom HMAC)');
    await fill(byTestId('webhook-signature-timestamp-header'), 'X-Timestamp');
    expect(byTestId('webhook-signature-signed-payload')).toBeInTheDocument();
    expect(byTestId('webhook-signature-tolerance')).toBeInTheDocument();
    await pick(preset, 'GitHub');
    expect(screen.getByText(/^Checks X-Hub-Signature-256/)).toBeInTheDocument();
    expect(screen.queryByTestId('webhook-signature-signed-payload')).not.toBeInTheDocument();
    await fill(byTestId('webhook-signature-secret'), 'gh-secret');
    expect(config().signature).toEqual({ preset: 'github', secret: 'gh-secret' });
    expect(screen.queryByTestId('webhook-open-url-warning')).not.toBeInTheDocument();
  });

  it("shows Twilio's keys under Twilio's names and fills in its delivery ID", async () => {
    const { config, submit } = renderSection(SecuritySection);
    await pick(byTestId('webhook-signature-preset'), 'Twilio');
    expect(screen.getByLabelText('Auth token')).toHaveAttribute('type', 'password');
    expect(screen.getByText(/Auth Token" in the Twilio Console/)).toBeInTheDocument();
    expect(screen.getByLabelText('Webhook URL')).toBe(byTestId('webhook-signature-url'));
    expect(byTestId('webhook-signature-checks')).toHaveTextContent(/^Checks X-Twilio-Signature/);
    expect(screen.queryByTestId('webhook-signature-tolerance')).not.toBeInTheDocument();
    // The auth token is required, the URL is not.
    expect(await submitErrors(submit)).toEqual(['Required']);
    await fill(screen.getByLabelText('Auth token'), '{{$env.TWILIO_AUTH_TOKEN}}');
    expect(config()).toMatchObject({
      signature: { preset: 'twilio', secret: '{{$env.TWILIO_AUTH_TOKEN}}' },
      idempotency: { header: 'I-Twilio-Idempotency-Token' },
    });
    expect(config().eventType).toBeUndefined();
  });

  it("shows Lark's keys and URL verification, and fills in where its event type is", async () => {
    const { config } = renderSection(SecuritySection);
    await pick(byTestId('webhook-signature-preset'), 'Lark / Feishu');
    expect(screen.getByLabelText('Encrypt Key')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Verification Token')).toHaveAttribute('type', 'password');
    expect(byTestId('webhook-signature-handshake')).toHaveTextContent('Answers url_verification with its challenge.');
    expect(config()).toMatchObject({
      eventType: { bodyPath: 'header.event_type' },
      idempotency: { bodyPath: 'header.event_id' },
    });
  });

  it('never replaces a delivery ID or event type the designer set', async () => {
    const idempotency = { header: 'X-My-Delivery', ttl: 60 };
    const { config } = renderSection(SecuritySection, { idempotency });
    await pick(byTestId('webhook-signature-preset'), 'GitHub');
    expect(config().idempotency).toEqual(idempotency);
    expect(config().eventType).toEqual({ header: 'X-GitHub-Event' });
    await fill(byTestId('webhook-signature-secret'), 'gh-secret');
    await pick(byTestId('webhook-signature-preset'), 'Stripe');
    // GitHub's untouched event type gives way to Stripe's; the designer's delivery ID stays.
    expect(config()).toMatchObject({ idempotency, eventType: { bodyPath: 'type' } });
  });

  it("clears the previous sender's keys and defaults when another sender is picked", async () => {
    const { config } = renderSection(SecuritySection);
    const preset = byTestId('webhook-signature-preset');
    await pick(preset, 'Twilio');
    await fill(byTestId('webhook-signature-secret'), 'twilio-token');
    await fill(byTestId('webhook-signature-url'), 'https://hooks.example.com/api/webhook:trigger/k3y');
    await pick(preset, 'Lark / Feishu');
    expect(config().signature).toEqual({ preset: 'lark' });
    expect(screen.getByLabelText('Encrypt Key')).toHaveValue('');
    expect(screen.queryByTestId('webhook-signature-url')).not.toBeInTheDocument();
    expect(config().idempotency).toEqual({ bodyPath: 'header.event_id' });
    await pick(preset, 'Meta (WhatsApp, Messenger, Instagram)');
    expect(config()).toMatchObject({
      idempotency: null,
      eventType: null,
      events: { path: 'entry[*].changes[*]', type: '{{$event.field}}' },
    });
  });

  it("links each sender's documentation, in a new tab", async () => {
    renderSection(SecuritySection);
    expect(screen.queryByTestId('webhook-signature-docs')).not.toBeInTheDocument();
    await pick(byTestId('webhook-signature-preset'), 'Twilio');
    const docs = byTestId('webhook-signature-docs');
    expect(docs).toHaveAttribute('href', 'https://www.twilio.com/docs/usage/webhooks/webhooks-security');
    expect(docs).toHaveAttribute('target', '_blank');
    expect(docs).toHaveTextContent('How Twilio signs its requests');
    await pick(byTestId('webhook-signature-preset'), 'WeCom');
    expect(byTestId('webhook-signature-docs')).toHaveAttribute(
      'href',
      'https://developer.work.weixin.qq.com/document/path/90968',
    );
  });

  it('takes a public key as text and asks for the tolerance of a timestamped sender', async () => {
    const { config } = renderSection(SecuritySection);
    await pick(byTestId('webhook-signature-preset'), 'Discord interactions');
    const key = screen.getByLabelText('Public key');
    expect(key.tagName).toBe('TEXTAREA');
    await fill(key, 'a'.repeat(64));
    await fill(byTestId('webhook-signature-tolerance'), '60');
    expect(config().signature).toEqual({ preset: 'discord', publicKey: 'a'.repeat(64), tolerance: 60 });
  });

  it('leaves the immediate answer and event splitting of a synchronous workflow alone', async () => {
    const { config } = renderSection(SecuritySection, {}, SYNC);
    await pick(byTestId('webhook-signature-preset'), 'Alipay');
    expect(config()).toMatchObject({ idempotency: { bodyPath: 'notify_id' }, eventType: { bodyPath: 'notify_type' } });
    expect(config().response).toBeUndefined();
    await pick(byTestId('webhook-signature-preset'), 'HubSpot');
    expect(config().events).toBeUndefined();
  });
});

describe('the trigger drawer: access', () => {
  it('refuses entries that are no address, no origin, half a rate limit or no size', async () => {
    const { config, submit } = renderSection(AccessSection);
    await addTags(byTestId('webhook-ip-allowlist'), ['10.0.0.300', '127.0.0.0/8']);
    await addTags(byTestId('webhook-cors-origins'), ['app.example.com']);
    await fill(byTestId('webhook-rate-limit-requests'), '600');
    await fill(byTestId('webhook-max-body-size'), 'lots');
    expect(await submitErrors(submit)).toEqual([
      'Not an IP address or CIDR range: 10.0.0.300',
      'Not an origin: app.example.com',
      'Required',
      'Bytes, or a size such as 512kb or 2mb.',
    ]);
    await fill(byTestId('webhook-rate-limit-per'), '60');
    await fill(byTestId('webhook-max-body-size'), '64kb');
    expect(config()).toMatchObject({
      limits: { rateLimit: { requests: 600, per: 60 }, maxBodySize: '64kb' },
      ipAllowlist: ['10.0.0.300', '127.0.0.0/8'],
      cors: { origins: ['app.example.com'] },
    });
  });

  it('takes at least one method', async () => {
    const { config, submit } = renderSection(AccessSection);
    const methods = within(byTestId('webhook-methods'));
    await user.click(methods.getByText('PUT'));
    expect(config().methods).toEqual(['POST', 'PUT']);
    await user.click(methods.getByText('POST'));
    await user.click(methods.getByText('PUT'));
    expect(await submitErrors(submit)).toEqual(['Choose at least one method.']);
  });
});

describe('the trigger drawer: request data', () => {
  it('adds rows by hand and from a sample, and warns of a name no variable can reach', async () => {
    const { config, submit } = renderSection(RequestSection);
    await user.click(byTestId('webhook-headers-add'));
    await fill(byTestId('webhook-headers-key'), 'X-Request-Id');
    await fill(byTestId('webhook-headers-alias'), 'Request ID');

    await user.click(byTestId('webhook-body-sample-open'));
    await fill(byTestId('webhook-body-sample-input'), '{"order": {"id": 1');
    await user.click(byTestId('webhook-body-sample-submit'));
    expect(byTestId('webhook-body-sample-error')).toHaveTextContent('The sample is not valid JSON.');
    await fill(byTestId('webhook-body-sample-input'), '{"order": {"id": 1}, "订单": 2}');
    await user.click(byTestId('webhook-body-sample-submit'));
    expect(await screen.findByText('Added 3 new rows.')).toBeInTheDocument();
    expect(config().request).toEqual({
      headers: [{ key: 'X-Request-Id', alias: 'Request ID' }],
      body: [{ key: 'order' }, { key: 'order.id' }, { key: '订单' }],
    });
    // A warning, not a refusal: the field still arrives in the body.
    await act(() => submit());
    expect(await screen.findByText('Variables cannot point at this name; use ASCII letters.')).toBeInTheDocument();
  });

  it('catches a test request and fills the rows from it', async () => {
    api
      .on('webhookDeliveries:listen', () => ({
        data: { id: 3, expiresAt: new Date(Date.now() + 120_000).toISOString() },
      }))
      .on('webhookDeliveries:listened', () => ({
        data: {
          status: 'captured',
          request: {
            method: 'POST',
            receivedAt: new Date().toISOString(),
            headers: { 'x-shop': 'acme', authorization: '••••••' },
            query: { page: '1' },
            body: { order: { id: 1 } },
          },
        },
      }));
    const { config } = renderSection(RequestSection);
    // The panel polls only while it is on screen; jsdom lays nothing out.
    jest.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
    await user.click(byTestId('webhook-listen'));
    expect(await screen.findByTestId('webhook-listen-captured')).toHaveTextContent('POST');
    expect(api.callsOf('webhookDeliveries:listen')[0].params).toEqual({ values: { workflowId: 7 } });
    expect(api.callsOf('webhookDeliveries:listened')[0].params).toEqual({ filterByTk: 3 });
    expect(byTestId('webhook-listen-request-headers')).toHaveTextContent('acme');
    await user.click(byTestId('webhook-listen-apply'));
    expect(await screen.findByText('Added 4 new rows.')).toBeInTheDocument();
    expect(config().request).toEqual({
      headers: [{ key: 'x-shop' }],
      query: [{ key: 'page' }],
      body: [{ key: 'order' }, { key: 'order.id' }],
    });
  });
});

describe('the trigger drawer: response', () => {
  it('gives an asynchronous workflow an immediate answer whose templates offer the request', async () => {
    const { config } = renderSection(ResponseSection, { request: { body: [{ key: 'order.id', alias: 'Order ID' }] } });
    await fill(byTestId('webhook-response-status'), '202');
    await user.click(byTestId('webhook-response-headers-add'));
    await fill(byTestId('webhook-response-headers-name'), 'X-Order');
    const value = byTestId('webhook-response-headers-value');
    // What the server renders the answer with: the request as received, the configured body field included.
    expect(offeredBy(value)).toEqual([
      '{{$context}}',
      '{{$context.method}}',
      '{{$context.headers}}',
      '{{$context.query}}',
      '{{$context.body}}',
      '{{$context.body.order}}',
      '{{$context.body.order.id}}',
      '{{$context.files}}',
      '{{$context.files.url}}',
      '{{$context.files.filename}}',
      '{{$context.files.mimeType}}',
      '{{$context.files.size}}',
      '{{$context.files.field}}',
      '{{$context.files.attachmentId}}',
    ]);
    await pickVariable(value, '{{$context.body.order.id}}');
    await fill(byTestId('webhook-response-body').querySelector('textarea') as Element, 'accepted {{$context.method}}');
    expect(config().response).toEqual({
      statusCode: 202,
      headers: [{ name: 'X-Order', value: '{{$context.body.order.id}}' }],
      body: 'accepted {{$context.method}}',
    });
    expect(offeredBy(byTestId('webhook-response-body').querySelector('textarea') as Element)).toContain(
      '{{$context.body.order.id}}',
    );
  });

  it('lets the immediate status come from the request, as the server renders it', async () => {
    const { config } = renderSection(ResponseSection, { request: { query: [{ key: 'status' }] } });
    const status = byTestId('webhook-response-status');
    expect(offeredBy(status)).toEqual(expect.arrayContaining(['{{$context.query}}', '{{$context.query.status}}']));
    await pickVariable(status, '{{$context.query.status}}');
    expect(config().response).toEqual({ statusCode: '{{$context.query.status}}' });
  });

  it('keeps a JSON answer with variables as JSON, and the last valid JSON when it is broken', async () => {
    const { config } = renderSection(ResponseSection);
    const body = byTestId('webhook-response-body');
    await user.click(within(body).getByText('JSON'));
    const text = body.querySelector('textarea') as HTMLTextAreaElement;
    await fill(text, '{"method": ""}');
    await fill(text, '{"method": "');
    await pickVariable(text, '{{$context.method}}');
    await fill(text, `${text.value}"}`);
    fireEvent.blur(text);
    await waitFor(() => expect(config().response).toEqual({ body: { method: '{{$context.method}}' } }));
    await fill(text, '{"method": ');
    fireEvent.blur(text);
    expect(await within(body).findByText('Not valid JSON; the last valid value is kept.')).toBeInTheDocument();
    expect(config().response).toEqual({ body: { method: '{{$context.method}}' } });
  });

  it('gives a synchronous workflow its timeout, and no immediate answer', async () => {
    const { config } = renderSection(ResponseSection, {}, SYNC);
    expect(screen.queryByTestId('webhook-response-status')).not.toBeInTheDocument();
    await fill(screen.getByPlaceholderText('30'), '45');
    expect(config().timeout).toBe(45);
  });
});

describe('the trigger drawer: events, duplicates and registration', () => {
  it('splits deliveries into events while switched on, with templates over the event', async () => {
    const { config, submit } = renderSection(EventsSection);
    await user.click(byTestId('webhook-events-enabled'));
    expect(await submitErrors(submit)).toEqual(['Required']);
    await fill(byTestId('webhook-events-path'), 'entry[*].changes[*]');
    const type = byTestId('webhook-events-type');
    expect(offeredBy(type)).toEqual(['{{$event}}']);
    expect(offeredBy(byTestId('webhook-events-id'))).toEqual(['{{$event}}']);
    await fill(type, '{{$event.field}}');
    expect(config().events).toEqual({ path: 'entry[*].changes[*]', type: '{{$event.field}}' });
    await user.click(byTestId('webhook-events-enabled'));
    expect(config().events).toBeNull();
    expect(screen.queryByTestId('webhook-events-path')).not.toBeInTheDocument();
  });

  it('is not offered to a synchronous workflow', () => {
    renderSection(EventsSection, {}, SYNC);
    expect(screen.queryByTestId('webhook-section-events')).not.toBeInTheDocument();
  });

  it('reads the delivery ID from one source at a time', async () => {
    const { config } = renderSection(IdempotencySection, { idempotency: { bodyPath: 'id', ttl: 60 } });
    expect(byTestId('webhook-idempotency-body-path')).toHaveValue('id');
    const source = within(byTestId('webhook-idempotency-source'));
    await user.click(source.getByText('From a header'));
    expect(screen.queryByTestId('webhook-idempotency-body-path')).not.toBeInTheDocument();
    await fill(byTestId('webhook-idempotency-header'), 'X-Delivery');
    expect(config().idempotency).toEqual({ header: 'X-Delivery', ttl: 60 });
    await user.click(source.getByText('None'));
    expect(config().idempotency).toEqual({ ttl: 60 });
  });

  it('shows where the event type is, and lets it be changed', async () => {
    const { config, submit } = renderSection(IdempotencySection, { eventType: { header: 'X-GitHub-Event' } }, SYNC);
    expect(byTestId('webhook-event-type-header')).toHaveValue('X-GitHub-Event');
    expect(screen.getByText(/later nodes read it as \{\{\$context\.eventType\}\}/)).toBeInTheDocument();
    await user.click(within(byTestId('webhook-event-type-source')).getByText('From a body path'));
    expect(await submitErrors(submit)).toEqual(['Required']);
    await fill(byTestId('webhook-event-type-body-path'), 'event.type');
    expect(config().eventType).toEqual({ bodyPath: 'event.type' });
  });

  it('shows, before saving, the exact URL the sender will be given', async () => {
    api.on('webhookSubscriptions:list', () => ({ data: [] }));
    api.on('webhookSettings:get', () => ({ data: { publicOrigin: 'https://hooks.example.com' } }));
    renderSection(SubscriptionSection);
    await user.click(byTestId('webhook-subscription-enabled'));
    expect(await screen.findByTestId('webhook-subscription-url')).toHaveTextContent(
      'The sender will be given this URL: https://hooks.example.com/api/webhook:trigger/k3y',
    );
  });

  it("gives the page's own origin when the server has no public URL", async () => {
    api.on('webhookSubscriptions:list', () => ({ data: [] }));
    api.on('webhookSettings:get', () => ({ data: { publicOrigin: null } }));
    renderSection(SubscriptionSection);
    await user.click(byTestId('webhook-subscription-enabled'));
    expect(await screen.findByTestId('webhook-subscription-url')).toHaveTextContent(
      'http://localhost/api/webhook:trigger/k3y',
    );
  });

  it('registers with the sender through calls whose templates offer what each call is rendered with', async () => {
    api.on('webhookSubscriptions:list', () => ({ data: [] }));
    api.on('webhookSettings:get', () => ({ data: { publicOrigin: null } }));
    propertyMetaTree.push({ name: '$env', title: 'Variables and secrets', type: '', paths: ['$env'] });
    const { config, submit } = renderSection(SubscriptionSection);
    await user.click(byTestId('webhook-subscription-enabled'));
    expect(await screen.findByTestId('webhook-subscription-none')).toHaveTextContent(
      'Not registered with the sender yet',
    );
    expect(api.callsOf('webhookSubscriptions:list')[0].params).toEqual({ filter: { workflowId: 7 }, pageSize: 1 });
    expect(await submitErrors(submit)).toEqual(['Required']);

    const url = byTestId('webhook-subscription-subscribe-url');
    expect(offeredBy(url)).toEqual(['{{$webhook}}', '{{$webhook.url}}', '{{$webhook.key}}', '{{$env}}']);
    await fill(url, 'https://api.example.com/hooks');
    await user.click(byTestId('webhook-subscription-subscribe-state-add'));
    await fill(byTestId('webhook-subscription-subscribe-state-name'), 'webhookId');
    const template = byTestId('webhook-subscription-subscribe-state-template');
    expect(offeredBy(template)).toEqual(expect.arrayContaining(['{{$response.status}}', '{{$response.body}}']));
    await fill(template, '{{$response.body.id}}');

    await user.click(byTestId('webhook-subscription-unsubscribe-enabled'));
    const unsubscribe = byTestId('webhook-subscription-unsubscribe-url');
    // Later calls read what the first answer kept.
    expect(offeredBy(unsubscribe)).toEqual([
      '{{$webhook}}',
      '{{$webhook.url}}',
      '{{$webhook.key}}',
      '{{$state}}',
      '{{$state.webhookId}}',
      '{{$env}}',
    ]);
    await fill(unsubscribe, 'https://api.example.com/hooks/');
    await pickVariable(unsubscribe, '{{$state.webhookId}}');

    expect(config().subscription).toEqual({
      subscribe: {
        url: 'https://api.example.com/hooks',
        method: 'POST',
        state: { webhookId: '{{$response.body.id}}' },
      },
      unsubscribe: { url: 'https://api.example.com/hooks/{{$state.webhookId}}', method: 'DELETE' },
    });
    await user.click(byTestId('webhook-subscription-enabled'));
    expect(config().subscription).toBeNull();
  });
});
