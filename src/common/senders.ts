import type { EventsConfig, EventTypeConfig, IdempotencyConfig, ResponseConfig } from './types';

/**
 * The sender catalogue: every system the trigger knows by name, as data. The server's protocols
 * (`src/server/senders/`), both clients' "Sender" picker and `docs/senders.md` are built from this
 * one table; adding a sender is one row here and one protocol module on the server.
 */

/** Where a sender's keys go in `config.signature`. */
export type SenderFieldName = 'secret' | 'publicKey' | 'token' | 'receiveId' | 'url';

export interface SenderField {
  name: SenderFieldName;
  /** The name the sender's own console gives the value (translated in the form). */
  label: string;
  /** One line on where to find the value (translated in the form). */
  where: string;
  /** Masked in the form, read through `{{$env.NAME}}`, never shown back. */
  secret: boolean;
  required: boolean;
}

/** What picking the sender fills into the form, editable there; the server applies only what is saved. */
export interface SenderDefaults {
  idempotency?: IdempotencyConfig;
  events?: EventsConfig;
  eventType?: EventTypeConfig;
  /** The answer the sender expects when the workflow sets none (Alipay's `success`). */
  response?: ResponseConfig;
}

export interface SenderDescriptor {
  id: string;
  label: string;
  /** The sender's page on verifying its webhooks. */
  docs: string;
  /** What the server checks, in one sentence (translated in the form). */
  checks: string;
  fields: readonly SenderField[];
  /** Its signature carries a timestamp checked against `signature.tolerance`. */
  timestamped: boolean;
  /** The verification request it sends before deliveries, answered with no run. */
  handshake?: string;
  defaults?: SenderDefaults;
}

const field = (
  name: SenderFieldName,
  label: string,
  where: string,
  { secret = true, required = true }: { secret?: boolean; required?: boolean } = {},
): SenderField => ({ name, label, where, secret, required });

const header = (name: string) => ({ header: name });
const bodyPath = (path: string) => ({ bodyPath: path });

export const SENDERS = [
  {
    id: 'github',
    label: 'GitHub',
    docs: 'https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries',
    checks: 'Checks X-Hub-Signature-256 over the body.',
    fields: [
      field('secret', 'Webhook secret', 'The "Secret" of the webhook in the repository or organization settings.'),
    ],
    timestamped: false,
    defaults: { idempotency: header('X-GitHub-Delivery'), eventType: header('X-GitHub-Event') },
  },
  {
    id: 'gitlab',
    label: 'GitLab',
    docs: 'https://docs.gitlab.com/user/project/integrations/webhooks/',
    checks: 'Checks that X-Gitlab-Token equals the secret token.',
    fields: [field('secret', 'Secret token', 'The "Secret token" of the webhook in the project or group settings.')],
    timestamped: false,
    defaults: { idempotency: header('X-Gitlab-Event-UUID'), eventType: header('X-Gitlab-Event') },
  },
  {
    id: 'stripe',
    label: 'Stripe',
    docs: 'https://docs.stripe.com/webhooks#verify-events',
    checks: 'Checks Stripe-Signature (t=…,v1=…) over the timestamp and the body.',
    fields: [field('secret', 'Signing secret', 'The endpoint\'s "Signing secret" (whsec_…) in Developers → Webhooks.')],
    timestamped: true,
    defaults: { idempotency: bodyPath('id'), eventType: bodyPath('type') },
  },
  {
    id: 'slack',
    label: 'Slack',
    docs: 'https://api.slack.com/authentication/verifying-requests-from-slack',
    checks: 'Checks X-Slack-Signature over the X-Slack-Request-Timestamp and the body.',
    fields: [field('secret', 'Signing secret', 'The "Signing Secret" under Basic Information of the Slack app.')],
    timestamped: true,
    handshake: 'Answers the signed url_verification request with its challenge.',
    defaults: { idempotency: bodyPath('event_id'), eventType: bodyPath('event.type') },
  },
  {
    id: 'shopify',
    label: 'Shopify',
    docs: 'https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook',
    checks: 'Checks X-Shopify-Hmac-Sha256 over the body.',
    fields: [field('secret', 'Client secret', 'The app\'s "Client secret" (or the store\'s webhook signing secret).')],
    timestamped: false,
    defaults: { idempotency: header('X-Shopify-Webhook-Id'), eventType: header('X-Shopify-Topic') },
  },
  {
    id: 'meta',
    label: 'Meta (WhatsApp, Messenger, Instagram)',
    docs: 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started',
    checks: 'Checks X-Hub-Signature-256 over the body.',
    fields: [field('secret', 'App secret', 'The "App secret" under App settings → Basic of the Meta app.')],
    timestamped: false,
    defaults: { events: { path: 'entry[*].changes[*]', type: '{{$event.field}}' } },
  },
  {
    id: 'standard-webhooks',
    label: 'Standard Webhooks / Svix',
    docs: 'https://www.standardwebhooks.com/',
    checks: 'Checks webhook-signature (v1 HMAC or v1a Ed25519) over webhook-id, webhook-timestamp and the body.',
    fields: [
      field(
        'secret',
        'Signing secret',
        "The endpoint's signing secret (whsec_…); leave empty for Ed25519 signatures.",
        {
          required: false,
        },
      ),
      field('publicKey', 'Public key', "For Ed25519 (v1a) signatures: the endpoint's public key (whpk_…).", {
        secret: false,
        required: false,
      }),
    ],
    timestamped: true,
    defaults: { idempotency: header('webhook-id') },
  },
  {
    id: 'twilio',
    label: 'Twilio',
    docs: 'https://www.twilio.com/docs/usage/webhooks/webhooks-security',
    checks: 'Checks X-Twilio-Signature over the URL Twilio called and the form fields (or bodySHA256).',
    fields: [
      field('secret', 'Auth token', 'The account\'s "Auth Token" in the Twilio Console under Account info.'),
      field('url', 'Webhook URL', 'Only behind a proxy that rewrites paths: the exact URL set in Twilio.', {
        secret: false,
        required: false,
      }),
    ],
    timestamped: false,
    defaults: { idempotency: header('I-Twilio-Idempotency-Token') },
  },
  {
    id: 'sendgrid',
    label: 'SendGrid Event Webhook',
    docs: 'https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features',
    checks: 'Checks the ECDSA signature X-Twilio-Email-Event-Webhook-Signature over the timestamp and the body.',
    fields: [
      field('publicKey', 'Verification key', 'The "Verification Key" shown when Signed Event Webhook is enabled.', {
        secret: false,
      }),
    ],
    timestamped: true,
    defaults: { events: { path: '[*]', type: '{{$event.event}}', id: '{{$event.sg_event_id}}' } },
  },
  {
    id: 'mailgun',
    label: 'Mailgun',
    docs: 'https://documentation.mailgun.com/docs/mailgun/user-manual/events/webhooks#securing-webhooks',
    checks: 'Checks the signature in the body: HMAC of its timestamp and token.',
    fields: [field('secret', 'HTTP webhook signing key', 'Sending → Webhooks → "HTTP webhook signing key".')],
    timestamped: true,
    defaults: { idempotency: bodyPath('event-data.id'), eventType: bodyPath('event-data.event') },
  },
  {
    id: 'zoom',
    label: 'Zoom',
    docs: 'https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events',
    checks: 'Checks x-zm-signature over x-zm-request-timestamp and the body.',
    fields: [field('secret', 'Secret token', 'The app\'s "Secret Token" under Features → Access.')],
    timestamped: true,
    handshake: 'Answers endpoint.url_validation with the encrypted plainToken.',
    defaults: { eventType: bodyPath('event') },
  },
  {
    id: 'discord',
    label: 'Discord interactions',
    docs: 'https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers',
    checks: 'Checks the Ed25519 signature X-Signature-Ed25519 over X-Signature-Timestamp and the body.',
    fields: [
      field('publicKey', 'Public key', 'The application\'s "Public Key" on its General Information page.', {
        secret: false,
      }),
    ],
    timestamped: true,
    handshake: 'Answers PING with PONG.',
    defaults: { idempotency: bodyPath('id'), eventType: bodyPath('type') },
  },
  {
    id: 'twitch',
    label: 'Twitch EventSub',
    docs: 'https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message',
    checks:
      'Checks Twitch-Eventsub-Message-Signature over the message id, timestamp and body; the message must be under 10 minutes old.',
    fields: [field('secret', 'Secret', 'The "secret" the subscription was created with.')],
    // Twitch's own 10-minute limit, not `signature.tolerance`.
    timestamped: false,
    handshake: 'Answers webhook_callback_verification with the challenge; records a revocation.',
    defaults: { idempotency: header('Twitch-Eventsub-Message-Id'), eventType: bodyPath('subscription.type') },
  },
  {
    id: 'square',
    label: 'Square',
    docs: 'https://developer.squareup.com/docs/webhooks/step3validate',
    checks: 'Checks x-square-hmacsha256-signature over the notification URL and the body.',
    fields: [
      field('secret', 'Signature key', 'The subscription\'s "Signature key" in the Developer Console → Webhooks.'),
      field('url', 'Notification URL', 'Only behind a proxy that rewrites paths: the exact URL set in Square.', {
        secret: false,
        required: false,
      }),
    ],
    timestamped: false,
    defaults: { idempotency: bodyPath('event_id'), eventType: bodyPath('type') },
  },
  {
    id: 'paddle',
    label: 'Paddle Billing',
    docs: 'https://developer.paddle.com/webhooks/signature-verification',
    checks: 'Checks Paddle-Signature (ts=…;h1=…) over the timestamp and the body.',
    fields: [field('secret', 'Secret key', 'The notification destination\'s "Secret key" (pdl_ntfset_…).')],
    timestamped: true,
    defaults: { idempotency: bodyPath('event_id'), eventType: bodyPath('event_type') },
  },
  {
    id: 'hubspot',
    label: 'HubSpot',
    docs: 'https://developers.hubspot.com/docs/api/webhooks/validating-requests',
    checks: 'Checks X-HubSpot-Signature-v3 over the method, URL, body and timestamp, not older than 5 minutes.',
    fields: [
      field('secret', 'Client secret', 'The app\'s "Client secret" on its Auth page.'),
      field('url', 'Target URL', 'Only behind a proxy that rewrites paths: the exact target URL set in HubSpot.', {
        secret: false,
        required: false,
      }),
    ],
    // HubSpot's window is a fixed 5 minutes: the tolerance setting does not apply.
    timestamped: false,
    defaults: { events: { path: '[*]', type: '{{$event.subscriptionType}}', id: '{{$event.eventId}}' } },
  },
  {
    id: 'lark',
    label: 'Lark / Feishu',
    docs: 'https://open.larksuite.com/document/server-docs/event-subscription/event-subscription-configure-/request-url-configuration-case',
    checks: 'Checks X-Lark-Signature, decrypts the event with the Encrypt Key and checks its Verification Token.',
    fields: [
      field('secret', 'Encrypt Key', 'Events & Callbacks → Encryption Strategy → "Encrypt Key".', { required: false }),
      field('token', 'Verification Token', 'Events & Callbacks → Encryption Strategy → "Verification Token".'),
    ],
    timestamped: false,
    handshake: 'Answers url_verification with its challenge.',
    defaults: { idempotency: bodyPath('header.event_id'), eventType: bodyPath('header.event_type') },
  },
  {
    id: 'wecom',
    label: 'WeCom',
    docs: 'https://developer.work.weixin.qq.com/document/path/90968',
    checks: 'Checks msg_signature and decrypts the XML Encrypt field with the EncodingAESKey.',
    fields: [
      field('token', 'Token', 'The app\'s "Receive messages" API settings → "Token".'),
      field('secret', 'EncodingAESKey', 'The same settings → "EncodingAESKey" (43 characters).'),
      field('receiveId', 'CorpID', 'Optional: the corp id the messages must be addressed to (My Company → CorpID).', {
        secret: false,
        required: false,
      }),
    ],
    timestamped: false,
    handshake: 'Answers the GET URL check with the decrypted echostr.',
    defaults: { eventType: bodyPath('xml.MsgType') },
  },
  {
    id: 'dingtalk',
    label: 'DingTalk',
    docs: 'https://open.dingtalk.com/document/orgapp/configure-event-subcription',
    checks: 'Checks msg_signature and decrypts the encrypt field with the aes_key.',
    fields: [
      field('token', 'Token', 'Event subscription → HTTP push → "Token".'),
      field('secret', 'aes_key', 'Event subscription → HTTP push → "aes_key" (43 characters).'),
      field('receiveId', 'AppKey or CorpId', "The app's AppKey (for an internal app) or the corp id.", {
        secret: false,
      }),
    ],
    timestamped: false,
    handshake: 'Answers every delivery, check_url included, with the encrypted "success".',
    defaults: { eventType: bodyPath('EventType') },
  },
  {
    id: 'alipay',
    label: 'Alipay',
    docs: 'https://opendocs.alipay.com/common/02mse7',
    checks: 'Checks the RSA2 sign over the sorted notification fields.',
    fields: [
      field(
        'publicKey',
        'Alipay public key',
        'Open platform → the app\'s interface signing settings → "Alipay public key".',
        {
          secret: false,
        },
      ),
    ],
    timestamped: false,
    defaults: {
      idempotency: bodyPath('notify_id'),
      eventType: bodyPath('notify_type'),
      response: { statusCode: 200, headers: [{ name: 'Content-Type', value: 'text/plain' }], body: 'success' },
    },
  },
  {
    id: 'wechatpay',
    label: 'WeChat Pay v3',
    docs: 'https://pay.weixin.qq.com/doc/v3/merchant/4012365342',
    checks: 'Checks Wechatpay-Signature (RSA) and decrypts the resource with the APIv3 key.',
    fields: [
      field(
        'publicKey',
        'WeChat Pay public key or platform certificate',
        'Merchant platform → API security → the WeChat Pay public key (or the platform certificate), PEM.',
        { secret: false },
      ),
      field('secret', 'APIv3 key', 'Merchant platform → API security → "APIv3 key".'),
    ],
    timestamped: true,
    defaults: { idempotency: bodyPath('id'), eventType: bodyPath('event_type') },
  },
] as const satisfies readonly SenderDescriptor[];

export type SenderId = (typeof SENDERS)[number]['id'];

/** The sender a preset names; the custom scheme and "none" are not senders. */
export function senderDescriptor(preset: string | null | undefined): SenderDescriptor | undefined {
  return SENDERS.find((sender) => sender.id === preset);
}
