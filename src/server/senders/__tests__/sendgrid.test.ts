import { generateKeyPairSync, sign } from 'crypto';
import { EventWebhook } from '@sendgrid/eventwebhook';
import type { SenderKeys, SenderRequest } from '../Sender';
import { sendgrid, sendgridPublicKey } from '../sendgrid';
import { signatureSchema } from '../signatureSchema';
import { describeSender, tampered, without } from './senderContract';

// A P-256 key pair stands in for SendGrid's: deliveries are signed with node's crypto (ECDSA over
// the timestamp followed by the body, DER, base64) and @sendgrid/eventwebhook's own
// convertPublicKeyToECDSA / verifySignature must accept each valid one.
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
/** As SendGrid shows the verification key: the base64 of the DER SubjectPublicKeyInfo. */
const VERIFICATION_KEY = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const PEM = publicKey.export({ format: 'pem', type: 'spki' }).toString();

const events = [
  {
    email: 'someone@example.com',
    timestamp: 1700000001,
    event: 'delivered',
    sg_event_id: 'ZGVsaXZlcmVkLTEtMTIzNDU',
    sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0',
    response: '250 OK',
  },
  { email: 'other@example.com', timestamp: 1700000002, event: 'open', sg_event_id: 'b3Blbi0yLTEyMzQ1' },
];
const body = JSON.stringify(events);
const sdk = new EventWebhook();

function delivery({ key = privateKey, timestamp = Math.floor(Date.now() / 1000), payload = body } = {}) {
  const signature = sign('sha256', Buffer.from(String(timestamp) + payload), key).toString('base64');
  expect(
    sdk.verifySignature(sdk.convertPublicKeyToECDSA(VERIFICATION_KEY), payload, signature, String(timestamp)),
  ).toBe(key === privateKey);
  return {
    headers: {
      'Content-Type': 'application/json',
      'X-Twilio-Email-Event-Webhook-Signature': signature,
      'X-Twilio-Email-Event-Webhook-Timestamp': String(timestamp),
    },
    body: payload,
  };
}

describeSender({
  preset: 'sendgrid',
  signature: { publicKey: VERIFICATION_KEY },
  valid: () => delivery(),
  expectedBody: events,
  refusals: [
    {
      name: 'tampered body',
      request: () => tampered(delivery()),
      message: 'X-Twilio-Email-Event-Webhook-Signature does not match',
    },
    {
      name: 'signed with another key',
      request: () => delivery({ key: other.privateKey }),
      message: 'X-Twilio-Email-Event-Webhook-Signature does not match',
    },
    {
      name: 'stale timestamp',
      request: () => delivery({ timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      message: 'Signature timestamp is outside the tolerance',
    },
    {
      name: 'changed timestamp',
      request: () => {
        const spec = delivery();
        const timestamp = String(Number(spec.headers['X-Twilio-Email-Event-Webhook-Timestamp']) - 1);
        return { ...spec, headers: { ...spec.headers, 'X-Twilio-Email-Event-Webhook-Timestamp': timestamp } };
      },
      message: 'X-Twilio-Email-Event-Webhook-Signature does not match',
    },
    {
      name: 'missing signature header',
      request: () => without(delivery(), 'X-Twilio-Email-Event-Webhook-Signature'),
      message: 'Missing signature header X-Twilio-Email-Event-Webhook-Signature',
    },
    {
      name: 'missing timestamp header',
      request: () => without(delivery(), 'X-Twilio-Email-Event-Webhook-Timestamp'),
      message: 'Missing signature header X-Twilio-Email-Event-Webhook-Timestamp',
    },
  ],
});

describe('sendgrid protocol', () => {
  const request = (spec: ReturnType<typeof delivery>): SenderRequest => ({
    method: 'POST',
    url: 'https://hooks.example.com/k',
    header: (name) =>
      Object.entries(spec.headers).find(([header]) => header.toLowerCase() === name.toLowerCase())?.[1] ?? '',
    query: {},
    rawBody: Buffer.from(spec.body),
    contentType: 'application/json',
  });
  const keysWith = (key: string) => ({ publicKey: key, toleranceSeconds: 300, now: Date.now() }) as SenderKeys;

  it('takes the key as SendGrid shows it or in PEM', () => {
    expect(sendgridPublicKey(VERIFICATION_KEY)).not.toBeNull();
    expect(sendgridPublicKey(PEM)).not.toBeNull();
    expect(() => sendgrid.verify(request(delivery()), keysWith(PEM))).not.toThrow();
    expect(() => sendgrid.verify(request(delivery()), keysWith(VERIFICATION_KEY))).not.toThrow();
  });

  it('refuses to save a verification key that does not parse, naming the field', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'der', type: 'spki' });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'der', type: 'spki' });
    for (const bad of ['not a key', 'AAAA', rsa.toString('base64'), p384.toString('base64')]) {
      const { error } = signatureSchema.validate({ preset: 'sendgrid', publicKey: bad });
      expect(error?.message).toContain('"signature.publicKey"');
    }
    for (const good of [VERIFICATION_KEY, PEM, '{{$env.SENDGRID_VERIFICATION_KEY}}']) {
      expect(signatureSchema.validate({ preset: 'sendgrid', publicKey: good }).error).toBeUndefined();
    }
  });

  it('refuses a signature that is not DER as a mismatch', () => {
    const spec = delivery();
    spec.headers['X-Twilio-Email-Event-Webhook-Signature'] = Buffer.from('not a signature').toString('base64');
    expect(() => sendgrid.verify(request(spec), keysWith(VERIFICATION_KEY))).toThrow(
      'X-Twilio-Email-Event-Webhook-Signature does not match',
    );
  });
});
