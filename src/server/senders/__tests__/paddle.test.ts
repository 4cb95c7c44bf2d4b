import { createHmac } from 'crypto';
import { NodeRuntime, Webhooks } from '@paddle/paddle-node-sdk';
import { describeSender, SenderRequestSpec, tampered, without } from './senderContract';

// Signed here as Paddle signs (`ts=<s>;h1=<hex>`, HMAC-SHA256 of `<ts>:<body>`); each request is
// first checked with @paddle/paddle-node-sdk's own Webhooks.isSignatureValid, so that the server
// and the SDK agree on which deliveries are Paddle's.
NodeRuntime.initialize();
const webhooks = new Webhooks();

const SECRET = 'pdl_ntfset_01gkpjp8bkm3tm53kdgkx6sms7_6h3qd3uFSi9YCD3OLYAShQI90XTI5vEI';
const event = {
  event_id: 'evt_01hv8x2acma2gz93b5evh5xgr0',
  event_type: 'transaction.completed',
  occurred_at: '2024-04-12T10:18:49.621022Z',
  notification_id: 'ntf_01hv8x2af7w1fm1kce3ck5x6tm',
  data: {
    id: 'txn_01hv8wptq8987qeep44cyrewp9',
    status: 'completed',
    currency_code: 'USD',
    details: { totals: { total: '1100' } },
  },
};
const now = () => Math.floor(Date.now() / 1000);
const h1 = (secret: string, timestamp: number, text: string) =>
  createHmac('sha256', secret).update(`${timestamp}:${text}`).digest('hex');

function delivery(
  body: unknown,
  { secrets = [SECRET], timestamp = now() }: { secrets?: string[]; timestamp?: number } = {},
): SenderRequestSpec {
  const text = JSON.stringify(body);
  const signatures = secrets.map((secret) => `h1=${h1(secret, timestamp, text)}`);
  return {
    headers: { 'Content-Type': 'application/json', 'Paddle-Signature': [`ts=${timestamp}`, ...signatures].join(';') },
    body: text,
  };
}

/** The request, after the SDK agreed it is (or is not) Paddle's. */
async function checked(spec: SenderRequestSpec, valid: boolean) {
  expect(await webhooks.isSignatureValid(String(spec.body), SECRET, spec.headers['Paddle-Signature'])).toBe(valid);
  return spec;
}

describeSender({
  preset: 'paddle',
  signature: { secret: SECRET },
  valid: () => checked(delivery(event), true),
  expectedBody: event,
  refusals: [
    {
      name: 'tampered body',
      request: () => checked(tampered(delivery(event)), false),
      message: 'Signature does not match',
    },
    {
      name: 'wrong secret',
      request: () => checked(delivery(event, { secrets: ['pdl_ntfset_another'] }), false),
      message: 'Signature does not match',
    },
    {
      name: 'stale timestamp',
      request: () => checked(delivery(event, { timestamp: now() - 3600 }), false),
      message: 'Signature timestamp is outside the tolerance',
    },
    {
      name: 'missing header',
      request: () => without(delivery(event), 'Paddle-Signature'),
      message: 'Missing signature header Paddle-Signature',
    },
    {
      name: 'header without h1',
      request: () => {
        const spec = delivery(event);
        return { ...spec, headers: { ...spec.headers, 'Paddle-Signature': `ts=${now()}` } };
      },
      message: 'Missing h1 signature in Paddle-Signature',
    },
    {
      name: 'header without ts',
      request: () => {
        const spec = delivery(event);
        const signature = spec.headers['Paddle-Signature'].replace(/^ts=\d+;/, '');
        return { ...spec, headers: { ...spec.headers, 'Paddle-Signature': signature } };
      },
      message: 'Missing signature timestamp',
    },
  ],
});

describeSender({
  preset: 'paddle',
  signature: { secret: SECRET },
  // While a secret is rotated, Paddle sends one h1 per secret: any may match.
  valid: () => checked(delivery(event, { secrets: ['pdl_ntfset_old', SECRET] }), true),
  expectedBody: event,
  refusals: [],
});
