import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { describeSender, SenderRequestSpec } from './senderContract';

// Encrypted and signed with WeCom's own library, @wecom/crypto (`encrypt`, `getSignature`), and its
// URL-check answer read back with its `decrypt`: a misreading of the scheme fails here.
const TOKEN = 'QDG6eK';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const OTHER_AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const CORP_ID = 'wx5823bf96d3bd56c7';
const RANDOM = Buffer.from('0123456789abcdef');
const TIMESTAMP = '1409659813';
const NONCE = '1372623149';

const message =
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[mycreate]]></FromUserName>' +
  '<CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content>' +
  '<MsgId>4561255354251345929</MsgId><AgentID>218</AgentID></xml>';
const expectedBody = {
  xml: {
    ToUserName: CORP_ID,
    FromUserName: 'mycreate',
    CreateTime: '1409659813',
    MsgType: 'text',
    Content: 'hello',
    MsgId: '4561255354251345929',
    AgentID: '218',
  },
};

const query = (values: Record<string, string>) =>
  `?${Object.entries(values)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&')}`;

/** A POST as WeCom sends it: the ciphertext in the XML `Encrypt`, `msg_signature` in the query. */
function delivery({
  aesKey = AES_KEY,
  token = TOKEN,
  corpId = CORP_ID,
  change = (ciphertext: string) => ciphertext,
  signed = true,
}: {
  aesKey?: string;
  token?: string;
  corpId?: string;
  change?: (ciphertext: string) => string;
  signed?: boolean;
} = {}): SenderRequestSpec {
  const ciphertext = encrypt(aesKey, message, corpId, RANDOM);
  const signature = getSignature(token, TIMESTAMP, NONCE, ciphertext);
  const sent = change(ciphertext);
  return {
    path: query({ ...(signed ? { msg_signature: signature } : {}), timestamp: TIMESTAMP, nonce: NONCE }),
    headers: { 'Content-Type': 'text/xml' },
    body: `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><Encrypt><![CDATA[${sent}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`,
  };
}

/** The GET that confirms the URL: an encrypted `echostr` to answer in plain text. */
const ECHOSTR = encrypt(AES_KEY, '1616140317555161061', CORP_ID, RANDOM);
function urlCheck(token = TOKEN): SenderRequestSpec {
  return {
    method: 'GET',
    path: query({
      msg_signature: getSignature(token, TIMESTAMP, NONCE, ECHOSTR),
      timestamp: TIMESTAMP,
      nonce: NONCE,
      echostr: ECHOSTR,
    }),
    headers: {},
  };
}

/** The ciphertext with one character changed. */
const flipped = (ciphertext: string) => `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;

describeSender({
  preset: 'wecom',
  signature: { token: TOKEN, secret: AES_KEY, receiveId: CORP_ID },
  valid: () => delivery(),
  expectedBody,
  refusals: [
    { name: 'tampered ciphertext', request: () => delivery({ change: flipped }), message: 'Signature does not match' },
    { name: 'wrong token', request: () => delivery({ token: 'another' }), message: 'Signature does not match' },
    { name: 'wrong EncodingAESKey', request: () => delivery({ aesKey: OTHER_AES_KEY }), message: 'Cannot decrypt' },
    { name: 'another corp id', request: () => delivery({ corpId: 'ww0000000000000000' }), message: 'Cannot decrypt' },
    {
      name: 'missing signature',
      request: () => delivery({ signed: false }),
      message: 'Missing signature parameter msg_signature',
    },
    {
      name: 'URL check with a wrong signature',
      request: () => urlCheck('another'),
      message: 'Signature does not match',
    },
  ],
  handshakes: [
    {
      name: 'URL check',
      request: () => urlCheck(),
      expectAnswer: async (response) => {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await response.text()).toBe(decrypt(AES_KEY, ECHOSTR).message);
      },
    },
  ],
});
