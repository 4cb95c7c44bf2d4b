import { createCipheriv, generateKeyPairSync, KeyObject, randomBytes, sign } from 'crypto';
import Pay from 'wechatpay-node-v3';
import WebhookTrigger from '../../WebhookTrigger';
import type { SenderKeys } from '../Sender';
import { wechatpay } from '../wechatpay';
import { selfSignedCertificate } from './selfSignedCertificate';
import { describeSender, SenderRequestSpec, without } from './senderContract';

// WeChat Pay API v3 notifications (https://pay.weixin.qq.com/doc/v3/merchant/4012071382): signed
// with the platform certificate's key, or with the "WeChat Pay public key" (`PUB_KEY_ID_…`), over
// `<timestamp>\n<nonce>\n<body>\n`; the `resource` sealed with the APIv3 key (AEAD_AES_256_GCM).
// wechatpay-node-v3's own `verifySign` and `decipher_gcm` must agree with the sender's reading.
const platform = selfSignedCertificate('Wechatpay Platform');
const merchant = selfSignedCertificate('1230000109 merchant');
const wechatPayKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_KEY_ID = 'PUB_KEY_ID_0112300001092025061800113600001234';
const WECHAT_PAY_PUBLIC_KEY = wechatPayKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const API_V3_KEY = 'a7Kd93LmQx02PzR8sVb4NcE6tYw1Hu5J';

const transaction = {
  mchid: '1230000109',
  appid: 'wxd678efh567hg6787',
  out_trade_no: '1217752501201407033233368018',
  transaction_id: '4200000123201805080123456789',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'CMC',
  success_time: '2018-06-08T10:34:56+08:00',
  payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
  amount: { total: 100, payer_total: 100, currency: 'CNY', payer_currency: 'CNY' },
};

/** The resource as WeChat Pay seals it: base64 of ciphertext + 16-byte tag. */
function seal(plain: unknown, { key = API_V3_KEY, associatedData = 'transaction', nonce = 'fdasflkja484' } = {}) {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: 'transaction',
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
}

const envelope = <R>(resource: R) => ({
  id: 'EV-2018022511223320873',
  create_time: '2015-05-20T13:29:35+08:00',
  resource_type: 'encrypt-resource',
  event_type: 'TRANSACTION.SUCCESS',
  summary: '支付成功',
  resource,
});
const notification = envelope(seal(transaction));

const now = () => Math.floor(Date.now() / 1000);

interface Signing {
  key?: KeyObject;
  serial?: string;
  timestamp?: number;
  nonce?: string;
  signature?: string;
}

/** A notification as WeChat Pay posts it, signed over the exact body text. */
function delivery(body: unknown, { key = platform.privateKey, serial = platform.serial, ...rest }: Signing = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = String(rest.timestamp ?? now());
  const nonce = rest.nonce ?? randomBytes(16).toString('hex');
  const signature =
    rest.signature ?? sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${text}\n`, 'utf8'), key).toString('base64');
  return {
    headers: {
      'Content-Type': 'application/json',
      'Wechatpay-Serial': serial,
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Signature-Type': 'WECHATPAY2-SHA256-RSA2048',
    },
    body: text,
  };
}

/** The same notification with the GCM tag (the ciphertext's last byte) flipped, signed as sent. */
function withTamperedTag() {
  const sealed = Buffer.from(notification.resource.ciphertext, 'base64');
  sealed[sealed.length - 1] ^= 0x01;
  return envelope({ ...notification.resource, ciphertext: sealed.toString('base64') });
}

describeSender({
  preset: 'wechatpay',
  signature: { publicKey: platform.certificatePem, secret: API_V3_KEY },
  valid: () => delivery(notification),
  expectedBody: { ...notification, resource: transaction },
  refusals: [
    {
      name: 'tampered body',
      request: () => {
        const signed = delivery(notification);
        return { ...signed, body: signed.body.replace('"summary":"支付成功"', '"summary":"支付失败"') };
      },
      message: 'Signature (Wechatpay-Signature) does not match',
    },
    {
      name: 'signed with another key',
      request: () => delivery(notification, { key: otherKeys.privateKey }),
      message: 'Signature (Wechatpay-Signature) does not match',
    },
    {
      name: "WeChat Pay's signature probe",
      request: () => delivery(notification, { signature: 'WECHATPAY/SIGNTEST/aGVsbG8gd29ybGQ=' }),
      message: 'Signature (Wechatpay-Signature) does not match',
    },
    {
      name: 'stale timestamp',
      request: () => delivery(notification, { timestamp: now() - 3600 }),
      message: 'Signature timestamp is outside the tolerance',
    },
    {
      name: 'missing signature',
      request: () => without(delivery(notification), 'Wechatpay-Signature'),
      message: 'Missing signature header Wechatpay-Signature',
    },
    {
      name: 'missing timestamp',
      request: () => without(delivery(notification), 'Wechatpay-Timestamp'),
      message: 'Missing signature header Wechatpay-Timestamp',
    },
    {
      name: 'sealed with another APIv3 key',
      request: () => delivery(envelope(seal(transaction, { key: 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp' }))),
      message: 'Cannot decrypt',
    },
    { name: 'tampered GCM tag', request: () => delivery(withTamperedTag()), message: 'Cannot decrypt' },
  ],
});

describe('wechatpay beside wechatpay-node-v3', () => {
  const pay = new Pay({
    appid: transaction.appid,
    mchid: transaction.mchid,
    publicKey: Buffer.from(merchant.certificatePem),
    privateKey: Buffer.from(merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
    key: API_V3_KEY,
  });
  // What the SDK would download from /v3/certificates, given instead (no network here).
  const known = (Pay as unknown as { certificates: Record<string, string> }).certificates;
  known[platform.serial] = platform.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  known[PUBLIC_KEY_ID] = WECHAT_PAY_PUBLIC_KEY;

  const keys = (publicKey: string, secret = API_V3_KEY): SenderKeys => ({
    config: { preset: 'wechatpay', publicKey, secret },
    secret,
    publicKey,
    token: '',
    receiveId: '',
    toleranceSeconds: 300,
    now: Date.now(),
  });
  /** The run's body, or the refusal's message. */
  const received = (spec: SenderRequestSpec, publicKey = platform.certificatePem, secret = API_V3_KEY) => {
    const headers = new Map(Object.entries(spec.headers).map(([name, value]) => [name.toLowerCase(), value]));
    const request = {
      method: 'POST',
      url: 'https://shop.example.com/api/webhook:trigger/k',
      header: (name: string) => headers.get(name.toLowerCase()) ?? '',
      query: {},
      rawBody: Buffer.from(spec.body ?? ''),
      contentType: 'application/json',
    };
    try {
      wechatpay.verify(request, keys(publicKey, secret));
      return JSON.parse(wechatpay.open!(request, keys(publicKey, secret)).body.toString('utf8'));
    } catch (error) {
      return (error as Error).message;
    }
  };
  const sdkVerifies = (spec: SenderRequestSpec) =>
    pay.verifySign({
      timestamp: spec.headers['Wechatpay-Timestamp'],
      nonce: spec.headers['Wechatpay-Nonce'],
      serial: spec.headers['Wechatpay-Serial'],
      signature: spec.headers['Wechatpay-Signature'],
      body: String(spec.body),
    });

  it('agrees with verifySign on the platform certificate and on the WeChat Pay public key', async () => {
    const byCertificate = delivery(notification);
    expect(await sdkVerifies(byCertificate)).toBe(true);
    expect(received(byCertificate)).toEqual({ ...notification, resource: transaction });

    const byPublicKey = delivery(notification, { key: wechatPayKeys.privateKey, serial: PUBLIC_KEY_ID });
    expect(await sdkVerifies(byPublicKey)).toBe(true);
    expect(received(byPublicKey, WECHAT_PAY_PUBLIC_KEY)).toEqual({ ...notification, resource: transaction });
    // The same key given as bare base64.
    const bare = wechatPayKeys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(received(byPublicKey, bare)).toEqual({ ...notification, resource: transaction });
  });

  it('agrees with verifySign on altered notifications', async () => {
    const signed = delivery(notification);
    const altered: SenderRequestSpec[] = [
      { ...signed, body: signed.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESX') },
      { ...signed, headers: { ...signed.headers, 'Wechatpay-Nonce': 'another-nonce' } },
      delivery(notification, { key: otherKeys.privateKey }),
      delivery(notification, { key: wechatPayKeys.privateKey }),
    ];
    for (const spec of altered) {
      expect(await sdkVerifies(spec)).toBe(false);
      expect(received(spec)).toBe('Signature (Wechatpay-Signature) does not match');
    }
  });

  it('decrypts the resource as decipher_gcm does, and refuses what the tag does not cover', () => {
    const { resource } = notification;
    const bySdk = pay.decipher_gcm(resource.ciphertext, resource.associated_data, resource.nonce, API_V3_KEY);
    expect(received(delivery(notification)).resource).toEqual(bySdk);
    expect(bySdk).toEqual(transaction);

    // The SDK's decipher_gcm never checks the tag; the sender does.
    expect(received(delivery(withTamperedTag()))).toMatch(/^Cannot decrypt/);
    const otherData = envelope({ ...resource, associated_data: 'refund' });
    expect(received(delivery(otherData))).toMatch(/^Cannot decrypt/);
    // An empty associated_data is sealed and opened as such.
    const empty = envelope(seal(transaction, { associatedData: '' }));
    expect(received(delivery(empty)).resource).toEqual(transaction);
  });

  it('refuses a notification it cannot open, without quoting the key', () => {
    expect(received(delivery(envelope({ ...notification.resource, algorithm: 'AES_128_CBC' })))).toMatch(
      /^Cannot decrypt the resource: its algorithm/,
    );
    expect(received(delivery({ id: 'EV-1', event_type: 'TRANSACTION.SUCCESS' }))).toBe(
      'Cannot decrypt: the notification has no resource',
    );
    const shortKey = received(delivery(notification), platform.certificatePem, 'too-short-key');
    expect(shortKey).toMatch(/^Cannot decrypt: the APIv3 key is not 32 bytes/);
    expect(shortKey).not.toContain('too-short-key');
  });
});

describe('wechatpay on save', () => {
  const trigger = new WebhookTrigger({} as never, {} as never);
  const errorsOf = (signature: Record<string, string>) =>
    JSON.stringify(trigger.validateConfig({ signature: { preset: 'wechatpay', ...signature } }) ?? null);

  it('refuses a public key or certificate that does not parse, naming signature.publicKey', () => {
    const broken = platform.certificatePem.replace(/[A-Za-z]{8}\n/, '\n');
    expect(errorsOf({ publicKey: broken, secret: API_V3_KEY })).toContain('signature.publicKey');
    expect(errorsOf({ publicKey: 'not a key', secret: API_V3_KEY })).toContain('signature.publicKey');
  });

  it('refuses an APIv3 key that is not 32 bytes, naming signature.secret without quoting it', () => {
    const errors = errorsOf({ publicKey: WECHAT_PAY_PUBLIC_KEY, secret: 'short-apiv3-key' });
    expect(errors).toContain('signature.secret');
    expect(errors).not.toContain('short-apiv3-key');
  });

  it('saves a certificate, a public key, and keys written as variables', () => {
    expect(errorsOf({ publicKey: platform.certificatePem, secret: API_V3_KEY })).toBe('null');
    expect(errorsOf({ publicKey: WECHAT_PAY_PUBLIC_KEY, secret: API_V3_KEY })).toBe('null');
    expect(errorsOf({ publicKey: '{{$env.WECHATPAY_PUBLIC_KEY}}', secret: '{{$env.WECHATPAY_APIV3_KEY}}' })).toBe(
      'null',
    );
  });
});
