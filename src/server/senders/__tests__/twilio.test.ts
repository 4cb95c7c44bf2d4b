import { createHash } from 'crypto';
import twilioSdk from 'twilio';
import type { SenderKeys, SenderRequest } from '../Sender';
import { twilio } from '../twilio';
import { describeSender, tampered, Target, without } from './senderContract';

// Signed with Twilio's own library: getExpectedTwilioSignature(authToken, url, params), and every
// valid request is also checked with its validateRequest / validateRequestWithBody.
const AUTH_TOKEN = 'twilio-auth-token-12345';
const fields: Record<string, string | string[]> = {
  AccountSid: 'AC00000000000000000000000000000001',
  MessageSid: 'SM00000000000000000000000000000001',
  From: '+15017122661',
  To: '+15558675310',
  Body: 'Hello from Twilio & friends',
  NumMedia: '0',
  Tag: ['b', 'a'],
};

function formBody(values: Record<string, string | string[]>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      form.append(name, one);
    }
  }
  return form.toString();
}

function formDelivery(target: Target, authToken = AUTH_TOKEN) {
  const signature = twilioSdk.getExpectedTwilioSignature(authToken, target.url, fields);
  expect(twilioSdk.validateRequest(AUTH_TOKEN, signature, target.url, fields)).toBe(authToken === AUTH_TOKEN);
  return {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': signature,
      'I-Twilio-Idempotency-Token': '3b8f4f0c-6b2c-4a5a-9a9f-1d1b0f1b1d1b',
    },
    body: formBody(fields),
  };
}

describeSender({
  preset: 'twilio',
  signature: { secret: AUTH_TOKEN },
  valid: (target) => formDelivery(target),
  expectedBody: fields,
  refusals: [
    {
      name: 'tampered body',
      request: (target) => tampered(formDelivery(target)),
      message: 'X-Twilio-Signature does not match',
    },
    {
      name: 'wrong auth token',
      request: (target) => formDelivery(target, 'another-auth-token'),
      message: 'X-Twilio-Signature does not match',
    },
    {
      name: 'another URL',
      request: (target) => ({ ...formDelivery({ ...target, url: `${target.url}/other` }) }),
      message: 'X-Twilio-Signature does not match',
    },
    {
      name: 'missing header',
      request: (target) => without(formDelivery(target), 'X-Twilio-Signature'),
      message: 'Missing signature header X-Twilio-Signature',
    },
  ],
});

/** The protocol alone, for the URL forms a test app cannot be reached at. */
describe('twilio protocol', () => {
  const keys = { secret: AUTH_TOKEN, toleranceSeconds: 300, now: Date.now() } as SenderKeys;
  const request = (
    url: string,
    signature: string,
    body: string,
    contentType: string,
    extraHeaders: Record<string, string> = {},
  ): SenderRequest => {
    const headers: Record<string, string> = { 'x-twilio-signature': signature };
    for (const [name, value] of Object.entries(extraHeaders)) {
      headers[name.toLowerCase()] = value;
    }
    return {
      method: 'POST',
      url,
      header: (name) => headers[name.toLowerCase()] ?? '',
      query: Object.fromEntries(new URL(url).searchParams),
      rawBody: Buffer.from(body),
      contentType,
    };
  };
  const form = 'application/x-www-form-urlencoded';

  it('accepts the URL signed with or without its default port, as validateRequest does', () => {
    const pairs = [
      [
        'https://hooks.example.com:443/api/webhook:trigger/k?x=1',
        'https://hooks.example.com/api/webhook:trigger/k?x=1',
      ],
      ['https://hooks.example.com/api/webhook:trigger/k', 'https://hooks.example.com:443/api/webhook:trigger/k'],
      ['http://hooks.example.com:80/api/webhook:trigger/k', 'http://hooks.example.com/api/webhook:trigger/k'],
    ];
    for (const [signedUrl, calledUrl] of pairs) {
      const signature = twilioSdk.getExpectedTwilioSignature(AUTH_TOKEN, signedUrl, fields);
      expect(twilioSdk.validateRequest(AUTH_TOKEN, signature, calledUrl, fields)).toBe(true);
      expect(() => twilio.verify(request(calledUrl, signature, formBody(fields), form), keys)).not.toThrow();
    }
    // Another port is another URL.
    const signature = twilioSdk.getExpectedTwilioSignature(AUTH_TOKEN, 'https://hooks.example.com:8443/k', fields);
    expect(() =>
      twilio.verify(request('https://hooks.example.com/k', signature, formBody(fields), form), keys),
    ).toThrow('X-Twilio-Signature does not match');
  });

  it('checks a JSON body through bodySHA256, the signature covering the URL alone', () => {
    const body = JSON.stringify({ MessageSid: 'SM1', Status: 'delivered' });
    const url = `https://hooks.example.com/api/webhook:trigger/k?bodySHA256=${twilioSdk.getExpectedBodyHash(body)}`;
    const signature = twilioSdk.getExpectedTwilioSignature(AUTH_TOKEN, url, {});
    expect(twilioSdk.validateRequestWithBody(AUTH_TOKEN, signature, url, body)).toBe(true);
    expect(() => twilio.verify(request(url, signature, body, 'application/json'), keys)).not.toThrow();

    const changed = body.replace('delivered', 'failed');
    expect(twilioSdk.validateRequestWithBody(AUTH_TOKEN, signature, url, changed)).toBe(false);
    expect(() => twilio.verify(request(url, signature, changed, 'application/json'), keys)).toThrow(
      'bodySHA256 does not match the body',
    );

    // A hash of the changed body, but the URL it is in was not what Twilio signed.
    const forged = url.replace(/bodySHA256=\w+/, `bodySHA256=${createHash('sha256').update(changed).digest('hex')}`);
    expect(() => twilio.verify(request(forged, signature, changed, 'application/json'), keys)).toThrow(
      'X-Twilio-Signature does not match',
    );
  });

  it('orders repeated fields as validateRequest does', () => {
    const url = 'https://hooks.example.com/k';
    const repeated = { Media: ['z', 'a', 'z'], Body: 'hi' };
    const signature = twilioSdk.getExpectedTwilioSignature(AUTH_TOKEN, url, repeated);
    expect(twilioSdk.validateRequest(AUTH_TOKEN, signature, url, repeated)).toBe(true);
    expect(() => twilio.verify(request(url, signature, formBody(repeated), form), keys)).not.toThrow();
  });

  it('takes HMAC-SHA256 when X-Twilio-Webhooks-Signature-Settings names it', () => {
    const url = 'https://hooks.example.com/k';
    const settings = { 'X-Twilio-Webhooks-Signature-Settings': 'key=webhooks_sharedkey_1,algorithm=HMAC_SHA256' };
    const signature = twilioSdk.getExpectedTwilioSignature(AUTH_TOKEN, url, fields, twilioSdk.HMAC_SHA256);
    expect(twilioSdk.validateRequest(AUTH_TOKEN, signature, url, fields, twilioSdk.HMAC_SHA256)).toBe(true);
    expect(() => twilio.verify(request(url, signature, formBody(fields), form, settings), keys)).not.toThrow();
    expect(() => twilio.verify(request(url, signature, formBody(fields), form), keys)).toThrow(
      'X-Twilio-Signature does not match',
    );
  });
});
