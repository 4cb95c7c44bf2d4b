import { createCipheriv, createHash } from 'crypto';
import { AESCipher, EventDispatcher, generateChallenge, LoggerLevel } from '@larksuiteoapi/node-sdk';
import { describeSender, SenderRequestSpec, tampered, without } from './senderContract';

// Lark's SDK (@larksuiteoapi/node-sdk) only decrypts and checks: each delivery is encrypted and signed
// here as https://open.larksuiteoapi.com documents it, then read back by the SDK (`AESCipher`,
// `EventDispatcher` checking X-Lark-Signature, `generateChallenge`), so a misreading fails here.
const ENCRYPT_KEY = 'lark-encrypt-key-Q3x9';
const OTHER_ENCRYPT_KEY = 'another-encrypt-key';
const VERIFICATION_TOKEN = 'lark-verification-token-7Hq';
const IV = Buffer.from('fedcba9876543210');
const TIMESTAMP = '1700000000';
const NONCE = '13579';

const event = {
  schema: '2.0',
  header: {
    event_id: '5e3702a84e847582be8db7fb73283c02',
    event_type: 'im.message.receive_v1',
    create_time: '1608725989000',
    token: VERIFICATION_TOKEN,
    app_id: 'cli_9f5343c580712001',
    tenant_key: '2ca1d211f64f6438',
  },
  event: { message: { message_id: 'om_5ce6d572455d361153b7cb51da133945', chat_type: 'p2p', message_type: 'text' } },
};

/** AES-256-CBC keyed with the SHA-256 of the Encrypt Key, the IV in front; the SDK must read it back. */
function encrypt(plaintext: string, encryptKey = ENCRYPT_KEY): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const cipher = createCipheriv('aes-256-cbc', key, IV);
  const encrypted = Buffer.concat([IV, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
  expect(new AESCipher(encryptKey).decrypt(encrypted)).toBe(plaintext);
  return encrypted;
}

const headersOf = (body: string, encryptKey: string) => ({
  'x-lark-request-timestamp': TIMESTAMP,
  'x-lark-request-nonce': NONCE,
  'x-lark-signature': createHash('sha256')
    .update(TIMESTAMP + NONCE + encryptKey + body)
    .digest('hex'),
});

/** An event as Lark posts it with an Encrypt Key: `{"encrypt": …}`, signed. */
function delivery(payload: unknown = event, encryptKey = ENCRYPT_KEY): SenderRequestSpec {
  const body = JSON.stringify({ encrypt: encrypt(JSON.stringify(payload), encryptKey) });
  return {
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headersOf(body, encryptKey) },
    body,
  };
}

const quiet = () => undefined;

/** Lark's SDK accepts the delivery: its signature check passes and it decrypts to the event. */
async function sdkAccepts(spec: SenderRequestSpec) {
  const dispatcher = new EventDispatcher({
    encryptKey: ENCRYPT_KEY,
    verificationToken: VERIFICATION_TOKEN,
    loggerLevel: LoggerLevel.fatal,
    logger: { error: quiet, warn: quiet, info: quiet, debug: quiet, trace: quiet },
  }).register({ 'im.message.receive_v1': async (data: unknown) => data });
  const headers = Object.fromEntries(Object.entries(spec.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const data = Object.assign(Object.create({ headers }), JSON.parse(String(spec.body)));
  expect(await dispatcher.invoke(data)).toEqual(expect.objectContaining({ event_id: event.header.event_id }));
}

const challenge = { type: 'url_verification', challenge: 'ajls384kdjx98XX', token: VERIFICATION_TOKEN };
/** The URL's verification request: encrypted, not signed. */
const urlVerification = (encryptKey = ENCRYPT_KEY, payload: unknown = challenge): SenderRequestSpec => ({
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ encrypt: encrypt(JSON.stringify(payload), encryptKey) }),
});

describeSender({
  preset: 'lark',
  signature: { secret: ENCRYPT_KEY, token: VERIFICATION_TOKEN },
  valid: async () => {
    const spec = delivery();
    await sdkAccepts(spec);
    return spec;
  },
  // The Verification Token is a key: the run gets the event without it.
  expectedBody: { ...event, header: { ...event.header, token: undefined } },
  refusals: [
    { name: 'tampered body', request: () => tampered(delivery()), message: 'Signature does not match' },
    {
      name: 'wrong Encrypt Key',
      request: () => delivery(event, OTHER_ENCRYPT_KEY),
      message: 'Signature does not match',
    },
    {
      name: 'missing signature',
      request: () => without(delivery(), 'X-Lark-Signature'),
      message: 'Missing signature header X-Lark-Signature',
    },
    {
      name: 'wrong Verification Token',
      request: () => delivery({ ...event, header: { ...event.header, token: 'another-token' } }),
      message: 'Verification token does not match',
    },
    {
      name: 'URL verification encrypted with another key',
      request: () => urlVerification(OTHER_ENCRYPT_KEY),
      message: 'Cannot decrypt',
    },
    {
      name: 'URL verification with a wrong Verification Token',
      request: () => urlVerification(ENCRYPT_KEY, { ...challenge, token: 'another-token' }),
      message: 'Verification token does not match',
    },
  ],
  handshakes: [
    {
      name: 'url_verification',
      request: () => urlVerification(),
      expectAnswer: async (response) => {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        const sdk = generateChallenge(JSON.parse(String(urlVerification().body)), { encryptKey: ENCRYPT_KEY });
        expect(sdk.isChallenge).toBe(true);
        expect(await response.json()).toEqual(sdk.challenge);
      },
    },
  ],
});

// Without an Encrypt Key, Lark posts the event in plain JSON, unsigned: only its Verification Token
// tells it from a forgery.
const plain = (payload: unknown): SenderRequestSpec => ({
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: JSON.stringify(payload),
});

describeSender({
  preset: 'lark',
  signature: { token: VERIFICATION_TOKEN },
  valid: () => plain(event),
  expectedBody: { ...event, header: { ...event.header, token: undefined } },
  refusals: [
    {
      name: 'wrong Verification Token',
      request: () => plain({ ...event, header: { ...event.header, token: 'another-token' } }),
      message: 'Verification token does not match',
    },
    {
      name: 'v1 event without a token',
      request: () => plain({ uuid: '41b5f371157e3d7c', event: { type: 'message' } }),
      message: 'Verification token does not match',
    },
    { name: 'encrypted event', request: () => delivery(), message: 'Cannot decrypt' },
  ],
  handshakes: [
    {
      name: 'url_verification in plain JSON',
      request: () => plain(challenge),
      expectAnswer: async (response) => {
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual(generateChallenge(challenge, { encryptKey: '' }).challenge);
      },
    },
  ],
});
