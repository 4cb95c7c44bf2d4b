import { createHmac } from 'crypto';
import { describeSender, SenderRequestSpec, tampered, without } from './senderContract';

// Twitch publishes no SDK for verifying EventSub webhooks: per
// https://dev.twitch.tv/docs/eventsub/handling-webhook-events/ the signature is `sha256=` + hex
// HMAC-SHA256 (keyed with the subscription's secret) of the message id, the message timestamp (as
// sent, RFC 3339 with nanoseconds) and the body; a message older than 10 minutes is refused. A
// `webhook_callback_verification` is answered 200 with the challenge as text/plain, a
// `revocation` with 2xx.
const SECRET = 'twitch-eventsub-secret';
const subscription = {
  id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
  status: 'enabled',
  type: 'channel.follow',
  version: '2',
  condition: { broadcaster_user_id: '1337', moderator_user_id: '1337' },
  transport: { method: 'webhook', callback: 'https://example.com/webhooks/callback' },
  created_at: '2019-11-16T10:11:12.634234626Z',
  cost: 0,
};
const notification = {
  subscription,
  event: {
    user_id: '1234',
    user_login: 'cool_user',
    broadcaster_user_id: '1337',
    followed_at: '2020-07-15T18:16:11.17106713Z',
  },
};
const challenge = 'pogchamp-kappa-360noscope-vohiyo';
const verification = { challenge, subscription: { ...subscription, status: 'webhook_callback_verification_pending' } };
const revocation = { subscription: { ...subscription, status: 'authorization_revoked' } };

/** RFC 3339 with nanoseconds, as Twitch writes it. */
const rfc3339 = (date: Date) => date.toISOString().replace('Z', '123456Z');

let sequence = 0;
function delivery(
  type: string,
  body: unknown,
  { secret = SECRET, at = new Date() }: { secret?: string; at?: Date } = {},
): SenderRequestSpec {
  const id = `e76c6bd4-55c9-4987-8304-da1588d8988${(sequence += 1) % 10}`;
  const timestamp = rfc3339(at);
  const text = JSON.stringify(body);
  const signature = createHmac('sha256', secret)
    .update(id + timestamp + text)
    .digest('hex');
  return {
    headers: {
      'Content-Type': 'application/json',
      'Twitch-Eventsub-Message-Id': id,
      'Twitch-Eventsub-Message-Retry': '0',
      'Twitch-Eventsub-Message-Type': type,
      'Twitch-Eventsub-Message-Signature': `sha256=${signature}`,
      'Twitch-Eventsub-Message-Timestamp': timestamp,
      'Twitch-Eventsub-Subscription-Type': subscription.type,
      'Twitch-Eventsub-Subscription-Version': subscription.version,
    },
    body: text,
  };
}
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describeSender({
  preset: 'twitch',
  signature: { secret: SECRET },
  // Twitch's 10 minutes hold whatever the tolerance says.
  valid: () => delivery('notification', notification, { at: minutesAgo(8) }),
  expectedBody: notification,
  refusals: [
    {
      name: 'tampered body',
      request: () => tampered(delivery('notification', notification)),
      message: 'Signature does not match',
    },
    {
      name: 'wrong secret',
      request: () => delivery('notification', notification, { secret: 'another-secret' }),
      message: 'Signature does not match',
    },
    {
      name: 'stale timestamp',
      request: () => delivery('notification', notification, { at: minutesAgo(11) }),
      message: 'Signature timestamp is outside the tolerance of 600 s',
    },
    {
      name: 'timestamp that is not RFC 3339',
      request: () => {
        const spec = delivery('notification', notification);
        return { ...spec, headers: { ...spec.headers, 'Twitch-Eventsub-Message-Timestamp': String(Date.now()) } };
      },
      message: 'Signature timestamp is not an RFC 3339 time',
    },
    {
      name: 'missing signature header',
      request: () => without(delivery('notification', notification), 'Twitch-Eventsub-Message-Signature'),
      message: 'Missing signature header Twitch-Eventsub-Message-Signature',
    },
    {
      name: 'missing message id',
      request: () => without(delivery('notification', notification), 'Twitch-Eventsub-Message-Id'),
      message: 'Missing signature header Twitch-Eventsub-Message-Id',
    },
    {
      name: 'unsigned callback verification',
      request: () => delivery('webhook_callback_verification', verification, { secret: 'another-secret' }),
      message: 'Signature does not match',
    },
  ],
  handshakes: [
    {
      name: 'webhook_callback_verification',
      request: () => delivery('webhook_callback_verification', verification),
      expectAnswer: async (response) => {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await response.text()).toBe(challenge);
      },
    },
    {
      name: 'revocation',
      request: () => delivery('revocation', revocation),
      expectAnswer: async (response) => {
        expect(response.status).toBe(204);
        expect(await response.text()).toBe('');
      },
    },
  ],
});
