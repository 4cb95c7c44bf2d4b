import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { describeSender, SenderRequestSpec } from './senderContract';

// DingTalk publishes no SDK on the registry; per
// https://open.dingtalk.com/document/orgapp/configure-event-subcription it encrypts and signs as
// WeCom does, so deliveries are made with @wecom/crypto (`encrypt`, `getSignature`) and the answer
// is read back with its `decrypt`, as DingTalk reads it.
const TOKEN = 'dingtalk-token-5Kp';
const AES_KEY = 'xxxxxxxxlvdhntotr3x9qhlbytb18zyz5zxxxxxxxxx';
const OTHER_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP_KEY = 'suite4xxxxxxxxxxxxxxx';
const RANDOM = Buffer.from('0123456789abcdef');
const TIMESTAMP = '1783610513';
const NONCE = '380320111';

const event = {
  EventType: 'user_add_org',
  TimeStamp: '1700000000000',
  UserId: ['manager7675'],
  CorpId: 'dingabcdef1234567890',
};

/** A delivery as DingTalk posts it: `{"encrypt": …}`, signed in the query. */
function delivery({
  payload = event as unknown,
  aesKey = AES_KEY,
  token = TOKEN,
  appKey = APP_KEY,
  change = (ciphertext: string) => ciphertext,
  signatureName = 'signature' as string | null,
} = {}): SenderRequestSpec {
  const ciphertext = encrypt(aesKey, JSON.stringify(payload), appKey, RANDOM);
  const signature = getSignature(token, TIMESTAMP, NONCE, ciphertext);
  return {
    path: `?${signatureName ? `${signatureName}=${signature}&` : ''}timestamp=${TIMESTAMP}&nonce=${NONCE}`,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ encrypt: change(ciphertext) }),
  };
}

const flipped = (ciphertext: string) => `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;

/** The encrypted "success" DingTalk waits for: signed with the token, addressed to the app. */
async function expectEncryptedSuccess(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const answer = await response.json();
  expect(Object.keys(answer).sort()).toEqual(['encrypt', 'msg_signature', 'nonce', 'timeStamp']);
  expect(answer.msg_signature).toBe(getSignature(TOKEN, answer.timeStamp, answer.nonce, answer.encrypt));
  expect(decrypt(AES_KEY, answer.encrypt)).toEqual(expect.objectContaining({ message: 'success', id: APP_KEY }));
  expect(Math.abs(Number(answer.timeStamp) - Date.now())).toBeLessThan(60_000);
}

describeSender({
  preset: 'dingtalk',
  signature: { token: TOKEN, secret: AES_KEY, receiveId: APP_KEY },
  // The sender's answer is DingTalk's whatever the workflow's immediate response says.
  config: { response: { statusCode: 202, body: 'queued' } },
  valid: () => delivery(),
  expectedBody: event,
  expectValidAnswer: expectEncryptedSuccess,
  refusals: [
    { name: 'tampered ciphertext', request: () => delivery({ change: flipped }), message: 'Signature does not match' },
    { name: 'wrong token', request: () => delivery({ token: 'another' }), message: 'Signature does not match' },
    { name: 'wrong aes_key', request: () => delivery({ aesKey: OTHER_AES_KEY }), message: 'Cannot decrypt' },
    { name: 'another app key', request: () => delivery({ appKey: 'dingother' }), message: 'Cannot decrypt' },
    {
      name: 'missing signature',
      request: () => delivery({ signatureName: null }),
      message: 'Missing signature parameter signature',
    },
  ],
  handshakes: [
    {
      name: 'check_url (signed as msg_signature)',
      request: () => delivery({ payload: { EventType: 'check_url' }, signatureName: 'msg_signature' }),
      expectAnswer: expectEncryptedSuccess,
    },
  ],
});
