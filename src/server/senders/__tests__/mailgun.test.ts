import { createHmac, randomBytes } from 'crypto';
import { mailgun } from '../mailgun';
import type { SenderKeys, SenderRequest } from '../Sender';
import { describeSender } from './senderContract';

// Mailgun publishes no SDK for verifying webhooks: per
// https://documentation.mailgun.com/docs/mailgun/user-manual/events/webhooks#securing-webhooks the
// body carries `signature: { timestamp, token, signature }`, the signature being the hex
// HMAC-SHA256 of timestamp followed by token, keyed with the HTTP webhook signing key. Legacy
// webhooks post the same three values as form fields. The event itself is not signed.
const SIGNING_KEY = 'key-mailgun-webhook-signing-12345';

interface Signed {
  timestamp: string;
  token: string;
  signature: string;
}

function signed({ key = SIGNING_KEY, timestamp = String(Math.floor(Date.now() / 1000)) } = {}): Signed {
  const token = randomBytes(25).toString('hex');
  const signature = createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');
  return { timestamp, token, signature };
}

const eventData = {
  event: 'delivered',
  id: 'CPgfbmQMTCKtHW6uIWtuVe',
  timestamp: 1521472262.908181,
  recipient: 'alice@example.com',
  message: { headers: { 'message-id': '20130503182626.18666.16540@example.com' } },
};

const json = (signature: Partial<Signed>) => ({
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ signature, 'event-data': eventData }),
});

let validJson: Signed;

describeSender({
  preset: 'mailgun',
  signature: { secret: SIGNING_KEY },
  valid: () => {
    validJson = signed();
    return json(validJson);
  },
  expectedBody: {
    get signature() {
      return validJson;
    },
    'event-data': eventData,
  },
  refusals: [
    {
      name: 'tampered token',
      request: () => ({ ...json({ ...signed(), token: randomBytes(25).toString('hex') }) }),
      message: 'Mailgun signature does not match',
    },
    {
      name: 'tampered timestamp',
      request: () => {
        const values = signed();
        return json({ ...values, timestamp: String(Number(values.timestamp) - 1) });
      },
      message: 'Mailgun signature does not match',
    },
    {
      name: 'wrong signing key',
      request: () => json(signed({ key: 'another-signing-key' })),
      message: 'Mailgun signature does not match',
    },
    {
      name: 'stale timestamp',
      request: () => json(signed({ timestamp: String(Math.floor(Date.now() / 1000) - 3600) })),
      message: 'Signature timestamp is outside the tolerance',
    },
    {
      name: 'missing signature',
      request: () => {
        const { timestamp, token } = signed();
        return json({ timestamp, token });
      },
      message: 'Missing signature field signature in the body',
    },
    {
      name: 'missing token',
      request: () => {
        const { timestamp, signature } = signed();
        return json({ timestamp, signature });
      },
      message: 'Missing signature field token in the body',
    },
  ],
});

// Legacy webhooks: the three values are form fields beside the event's.
let validForm: Signed;
const form = (values: Partial<Signed>) => ({
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ event: 'delivered', recipient: 'alice@example.com', ...values }).toString(),
});

describe('with form fields', () => {
  describeSender({
    preset: 'mailgun',
    signature: { secret: SIGNING_KEY },
    valid: () => {
      validForm = signed();
      return form(validForm);
    },
    expectedBody: {
      event: 'delivered',
      recipient: 'alice@example.com',
      get timestamp() {
        return validForm.timestamp;
      },
      get token() {
        return validForm.token;
      },
      get signature() {
        return validForm.signature;
      },
    },
    refusals: [
      {
        name: 'wrong signing key',
        request: () => form(signed({ key: 'another-signing-key' })),
        message: 'Mailgun signature does not match',
      },
      {
        name: 'missing signature',
        request: () => {
          const { timestamp, token } = signed();
          return form({ timestamp, token });
        },
        message: 'Missing signature field signature in the body',
      },
    ],
  });
});

describe('mailgun protocol', () => {
  const keys = { secret: SIGNING_KEY, toleranceSeconds: 300, now: Date.now() } as SenderKeys;
  const request = (rawBody: Buffer, contentType: string): SenderRequest => ({
    method: 'POST',
    url: 'https://hooks.example.com/k',
    header: () => '',
    query: {},
    rawBody,
    contentType,
  });

  async function multipart(values: Partial<Signed>) {
    const data = new FormData();
    data.append('event', 'stored');
    data.append('attachment-1', new Blob([Buffer.from('name="signature"\r\n\r\nnot this')]), 'note.txt');
    for (const [name, value] of Object.entries(values)) {
      data.append(name, value);
    }
    const encoded = new Response(data);
    return request(Buffer.from(await encoded.arrayBuffer()), encoded.headers.get('content-type') ?? '');
  }

  it('reads the signature from a multipart body, skipping files', async () => {
    expect(() => mailgun.verify(request(Buffer.alloc(0), 'multipart/form-data'), keys)).toThrow(
      'Missing signature field signature in the body',
    );
    const values = signed();
    const valid = await multipart(values);
    expect(() => mailgun.verify(valid, keys)).not.toThrow();
    // A part with more headers than its disposition.
    const boundary = 'mailgun-boundary';
    const typed = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="event"',
        '',
        'stored',
        ...Object.entries(values).flatMap(([name, value]) => [
          `--${boundary}`,
          `Content-Disposition: form-data; name="${name}"`,
          'Content-Type: text/plain; charset=utf-8',
          '',
          value,
        ]),
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    expect(() => mailgun.verify(request(typed, `multipart/form-data; boundary="${boundary}"`), keys)).not.toThrow();
    const forged = await multipart({ ...values, token: randomBytes(25).toString('hex') });
    expect(() => mailgun.verify(forged, keys)).toThrow('Mailgun signature does not match');
    const { timestamp, token } = values;
    const unsigned = await multipart({ timestamp, token });
    expect(() => mailgun.verify(unsigned, keys)).toThrow('Missing signature field signature in the body');
  });

  it('takes a timestamp sent as a number', () => {
    const values = signed();
    const body = JSON.stringify({ signature: { ...values, timestamp: Number(values.timestamp) } });
    expect(() => mailgun.verify(request(Buffer.from(body), 'application/json'), keys)).not.toThrow();
  });
});
