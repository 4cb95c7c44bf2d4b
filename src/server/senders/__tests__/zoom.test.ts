import { createHmac } from 'crypto';
import { describeSender, tampered, without } from './senderContract';

// Zoom publishes no SDK for verifying its webhooks: per
// https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events the signature is
// `v0=` + hex HMAC-SHA256 (keyed with the secret token) of `v0:{x-zm-request-timestamp}:{body}`, and
// an `endpoint.url_validation` is answered with `{ plainToken, encryptedToken }`, the token's hex
// HMAC-SHA256 under the same secret token.
const SECRET_TOKEN = 'zoom-secret-token';
const payload = {
  event: 'meeting.started',
  event_ts: 1626230691572,
  payload: { account_id: 'AAAAAABBBB', object: { id: '1234567890', topic: 'Weekly sync' } },
};
const now = () => Math.floor(Date.now() / 1000);

function delivery(body: unknown, { secret = SECRET_TOKEN, timestamp = now() } = {}) {
  const text = JSON.stringify(body);
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${text}`).digest('hex');
  return {
    headers: {
      'Content-Type': 'application/json',
      'x-zm-request-timestamp': String(timestamp),
      'x-zm-signature': `v0=${signature}`,
    },
    body: text,
  };
}

const plainToken = 'qgg8vlvZRS6UYooatFL8Aw';
const validation = { event: 'endpoint.url_validation', event_ts: 1654503849680, payload: { plainToken } };

describeSender({
  preset: 'zoom',
  signature: { secret: SECRET_TOKEN },
  valid: () => delivery(payload),
  expectedBody: payload,
  refusals: [
    { name: 'tampered body', request: () => tampered(delivery(payload)), message: 'Signature does not match' },
    {
      name: 'wrong secret token',
      request: () => delivery(payload, { secret: 'another-token' }),
      message: 'Signature does not match',
    },
    {
      name: 'stale timestamp',
      request: () => delivery(payload, { timestamp: now() - 3600 }),
      message: 'Signature timestamp is outside the tolerance',
    },
    {
      name: 'missing signature header',
      request: () => without(delivery(payload), 'x-zm-signature'),
      message: 'Missing signature header x-zm-signature',
    },
    {
      name: 'missing timestamp header',
      request: () => without(delivery(payload), 'x-zm-request-timestamp'),
      message: 'Missing signature header x-zm-request-timestamp',
    },
    {
      name: 'unsigned url validation',
      request: () => delivery(validation, { secret: 'another-token' }),
      message: 'Signature does not match',
    },
  ],
  handshakes: [
    {
      name: 'endpoint.url_validation',
      request: () => delivery(validation),
      expectAnswer: async (response) => {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(await response.json()).toEqual({
          plainToken,
          encryptedToken: createHmac('sha256', SECRET_TOKEN).update(plainToken).digest('hex'),
        });
      },
    },
  ],
});
