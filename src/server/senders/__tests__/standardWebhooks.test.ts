import { generateKeyPairSync, KeyObject, sign } from 'crypto';
import { Webhook } from 'svix';
import { signatureSchema } from '../signatureSchema';
import { describeSender, SenderRequestSpec, tampered, without } from './senderContract';

// HMAC (`v1,`): signed with svix's own Webhook.sign, and each request first checked with its
// Webhook.verify, so that the server and the SDK agree on which deliveries are the sender's.
// Ed25519 (`v1a,`): no SDK on the registry signs them; signed here with node's Ed25519 per
// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
// (`v1a,` + base64 signature of `<webhook-id>.<webhook-timestamp>.<body>`, key `whpk_` + base64).
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const payload = { type: 'invoice.paid', timestamp: '2024-05-01T10:00:00Z', data: { id: 'inv_1', amount: 1100 } };
const text = JSON.stringify(payload);
const now = () => Math.floor(Date.now() / 1000);
const HOUR_AGO = () => new Date((now() - 3600) * 1000);

function hmacDelivery(
  { secret = SECRET, at = new Date(), id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W' } = {},
  body: string = text,
): SenderRequestSpec {
  return {
    headers: {
      'Content-Type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, at, body),
    },
    body,
  };
}

/** The request, after svix agreed it is (or is not) signed with the secret. */
function checked(spec: SenderRequestSpec, valid: boolean) {
  const verify = () => new Webhook(SECRET).verify(String(spec.body), spec.headers);
  if (valid) {
    expect(verify()).toEqual(JSON.parse(String(spec.body)));
  } else {
    expect(verify).toThrow();
  }
  return spec;
}

describeSender({
  preset: 'standard-webhooks',
  signature: { secret: SECRET },
  valid: () => checked(hmacDelivery(), true),
  expectedBody: payload,
  refusals: [
    {
      name: 'tampered body',
      request: () => checked(tampered(hmacDelivery()), false),
      message: 'Signature does not match',
    },
    {
      name: 'wrong secret',
      request: () => checked(hmacDelivery({ secret: 'whsec_QW5vdGhlclNlY3JldEFub3RoZXJTZWNyZXQ=' }), false),
      message: 'Signature does not match',
    },
    {
      name: 'stale timestamp',
      request: () => checked(hmacDelivery({ at: HOUR_AGO() }), false),
      message: 'Signature timestamp is outside the tolerance',
    },
    {
      name: 'missing header',
      request: () => checked(without(hmacDelivery(), 'webhook-signature'), false),
      message: 'Missing signature header webhook-signature',
    },
  ],
});

const whpk = (key: KeyObject) => `whpk_${key.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64')}`;
const pair = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const PUBLIC_KEY = whpk(pair.publicKey);

function ed25519Delivery(
  { privateKey = pair.privateKey, timestamp = now(), id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W' } = {},
  body: string = text,
): SenderRequestSpec {
  const signature = sign(null, Buffer.from(`${id}.${timestamp}.${body}`), privateKey).toString('base64');
  return {
    headers: {
      'Content-Type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      // A sender rotating keys lists several signatures: any may match.
      'webhook-signature': `v1a,${sign(null, Buffer.from('another message'), other.privateKey).toString('base64')} v1a,${signature}`,
    },
    body,
  };
}

describeSender({
  preset: 'standard-webhooks',
  signature: { publicKey: PUBLIC_KEY },
  valid: () => ed25519Delivery(),
  expectedBody: payload,
  refusals: [
    { name: 'tampered body', request: () => tampered(ed25519Delivery()), message: 'Signature does not match' },
    {
      name: 'signed with another key',
      request: () => ed25519Delivery({ privateKey: other.privateKey }),
      message: 'Signature does not match',
    },
    {
      name: 'stale timestamp',
      request: () => ed25519Delivery({ timestamp: now() - 3600 }),
      message: 'Signature timestamp is outside the tolerance',
    },
    {
      name: 'missing header',
      request: () => without(ed25519Delivery(), 'webhook-signature'),
      message: 'Missing signature header webhook-signature',
    },
    {
      name: 'an HMAC signature, with no secret to check it',
      request: () => hmacDelivery(),
      message: 'Signature does not match',
    },
  ],
});

describeSender({
  preset: 'standard-webhooks',
  // Both keys set (moving from HMAC to Ed25519): either signature passes.
  signature: { secret: SECRET, publicKey: PUBLIC_KEY },
  valid: () => checked(hmacDelivery(), true),
  expectedBody: payload,
  refusals: [
    {
      name: 'tampered body',
      request: () => checked(tampered(hmacDelivery()), false),
      message: 'Signature does not match',
    },
    {
      name: 'signed with another key',
      request: () => ed25519Delivery({ privateKey: other.privateKey }),
      message: 'Signature does not match',
    },
  ],
});

describe('standard-webhooks keys, checked when the workflow is saved', () => {
  const problem = (keys: { secret?: string; publicKey?: string }) =>
    signatureSchema.validate({ preset: 'standard-webhooks', ...keys }).error?.message ?? null;

  it('takes a secret, a public key, both, or a variable read later', () => {
    expect(problem({ secret: SECRET })).toBeNull();
    expect(problem({ publicKey: PUBLIC_KEY })).toBeNull();
    expect(problem({ secret: SECRET, publicKey: PUBLIC_KEY })).toBeNull();
    expect(problem({ publicKey: '{{$env.WEBHOOK_PUBLIC_KEY}}' })).toBeNull();
  });

  it('refuses neither key, and a public key that does not parse, naming the field', () => {
    expect(problem({})).toContain('signature.publicKey');
    expect(problem({ secret: '', publicKey: '' })).toContain('signature.secret');
    expect(problem({ publicKey: 'whpk_bm90IGEga2V5' })).toContain('signature.publicKey');
    expect(problem({ publicKey: `${PUBLIC_KEY}!` })).toContain('signature.publicKey');
  });
});
