import { Signature } from '@hubspot/api-client';
import { hubspot } from '../hubspot';
import type { SenderKeys, SenderRequest } from '../Sender';
import { describeSender, tampered, Target, without } from './senderContract';

// Signed and checked with HubSpot's own client: Signature.getSignature / Signature.isValid (v3).
const CLIENT_SECRET = 'hubspot-client-secret-12345';
const events = [
  {
    eventId: 1001,
    subscriptionId: 25,
    portalId: 33,
    appId: 1160452,
    occurredAt: 1700000000000,
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: 123,
    propertyName: 'email',
    propertyValue: 'someone@example.com',
  },
  { eventId: 1002, subscriptionId: 26, portalId: 33, subscriptionType: 'contact.creation', objectId: 124 },
];
const body = JSON.stringify(events);

function sign(url: string, timestamp: number, clientSecret = CLIENT_SECRET, requestBody = body) {
  return Signature.getSignature('POST', 'v3', {
    signature: '',
    clientSecret,
    requestBody,
    url,
    timestamp,
  });
}

function delivery(target: Target, { clientSecret = CLIENT_SECRET, timestamp = Date.now() } = {}) {
  const signature = sign(target.url, timestamp, clientSecret);
  if (Date.now() - timestamp < Signature.MAX_ALLOWED_TIMESTAMP) {
    expect(
      Signature.isValid({
        signatureVersion: 'v3',
        method: 'POST',
        signature,
        clientSecret: CLIENT_SECRET,
        requestBody: body,
        url: target.url,
        timestamp,
      }),
    ).toBe(clientSecret === CLIENT_SECRET);
  }
  return {
    headers: {
      'Content-Type': 'application/json',
      'X-HubSpot-Signature-v3': signature,
      'X-HubSpot-Request-Timestamp': String(timestamp),
    },
    body,
  };
}

describeSender({
  preset: 'hubspot',
  // A tolerance longer than HubSpot's five minutes does not widen them.
  signature: { secret: CLIENT_SECRET, tolerance: 3600 },
  valid: (target) => delivery(target),
  expectedBody: events,
  refusals: [
    {
      name: 'tampered body',
      request: (target) => tampered(delivery(target)),
      message: 'X-HubSpot-Signature-v3 does not match',
    },
    {
      name: 'wrong client secret',
      request: (target) => delivery(target, { clientSecret: 'another-client-secret' }),
      message: 'X-HubSpot-Signature-v3 does not match',
    },
    {
      name: 'stale timestamp',
      request: (target) => {
        const timestamp = Date.now() - 6 * 60 * 1000;
        expect(() =>
          Signature.isValid({
            signatureVersion: 'v3',
            signature: sign(target.url, timestamp),
            clientSecret: CLIENT_SECRET,
            requestBody: body,
            url: target.url,
            timestamp,
          }),
        ).toThrow('Timestamp is invalid');
        return delivery(target, { timestamp });
      },
      message: 'Signature timestamp is outside the tolerance of 300 s',
    },
    {
      name: 'changed timestamp',
      request: (target) => {
        const spec = delivery(target);
        const timestamp = String(Number(spec.headers['X-HubSpot-Request-Timestamp']) - 1000);
        return { ...spec, headers: { ...spec.headers, 'X-HubSpot-Request-Timestamp': timestamp } };
      },
      message: 'X-HubSpot-Signature-v3 does not match',
    },
    {
      name: 'missing signature header',
      request: (target) => without(delivery(target), 'X-HubSpot-Signature-v3'),
      message: 'Missing signature header X-HubSpot-Signature-v3',
    },
    {
      name: 'missing timestamp header',
      request: (target) => without(delivery(target), 'X-HubSpot-Request-Timestamp'),
      message: 'Missing signature header X-HubSpot-Request-Timestamp',
    },
  ],
});

describe('hubspot protocol', () => {
  it('takes the URL with the escapes HubSpot decodes before signing decoded', () => {
    const timestamp = Date.now();
    const received = 'https://hooks.example.com/api/webhook%3Atrigger/k?state=%40team%2C%20sales';
    const signedUrl = 'https://hooks.example.com/api/webhook:trigger/k?state=@team,%20sales';
    const signature = sign(signedUrl, timestamp);
    const request: SenderRequest = {
      method: 'POST',
      url: received,
      header: (name) =>
        ({ 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': String(timestamp) })[
          name.toLowerCase()
        ] ?? '',
      query: {},
      rawBody: Buffer.from(body),
      contentType: 'application/json',
    };
    const keys = { secret: CLIENT_SECRET, toleranceSeconds: 300, now: Date.now() } as SenderKeys;
    expect(() => hubspot.verify(request, keys)).not.toThrow();
    expect(() => hubspot.verify({ ...request, method: 'PUT' }, keys)).toThrow('X-HubSpot-Signature-v3 does not match');
  });
});
