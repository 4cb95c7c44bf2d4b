import { generateKeyPairSync, KeyObject, sign } from 'crypto';
import { AlipaySdk } from 'alipay-sdk';
import { senderDescriptor } from '../../../common/senders';
import WebhookTrigger from '../../WebhookTrigger';
import { alipay } from '../alipay';
import type { SenderKeys } from '../Sender';
import { selfSignedCertificate } from './selfSignedCertificate';
import { describeSender } from './senderContract';

// Alipay signs an asynchronous notification (https://opendocs.alipay.com/common/02mse7) with the
// key whose public half the console shows as the "Alipay public key" (bare base64 of the SPKI).
// alipay-sdk's own `checkNotifySignV2` (the fields as the form decodes them) must agree with the
// sender's verification on every notification below.
const alipayKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PUBLIC_KEY = alipayKeys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const PUBLIC_KEY_PEM = alipayKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const APP_ID = '2021004100000000';

const sdk = new AlipaySdk({
  appId: APP_ID,
  keyType: 'PKCS8',
  privateKey: alipayKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  alipayPublicKey: PUBLIC_KEY,
});

type Fields = Record<string, string>;

const notification: Fields = {
  gmt_create: '2024-05-20 10:15:32',
  charset: 'utf-8',
  seller_email: 'shop@example.com',
  subject: '测试订单 #1001 & more',
  buyer_id: '2088102177846880',
  invoice_amount: '88.80',
  notify_id: '2024052000222101533060571400839401',
  fund_bill_list: '[{"amount":"88.80","fundChannel":"ALIPAYACCOUNT"}]',
  notify_type: 'trade_status_sync',
  trade_status: 'TRADE_SUCCESS',
  receipt_amount: '88.80',
  app_id: APP_ID,
  buyer_pay_amount: '88.80',
  seller_id: '2088102177649450',
  gmt_payment: '2024-05-20 10:15:33',
  notify_time: '2024-05-20 10:15:34',
  version: '1.0',
  out_trade_no: 'ORDER-1001',
  total_amount: '88.80',
  trade_no: '2024052022001446880502161950',
  auth_app_id: APP_ID,
  buyer_logon_id: 'buy***@example.com',
  point_amount: '0.00',
};

/** Signs as Alipay does: every non-empty field but sign and sign_type, sorted, `name=value&…`. */
function signed(
  fields: Fields,
  { key = alipayKeys.privateKey, signType = 'RSA2', withEmpty = false } = {} as {
    key?: KeyObject;
    signType?: 'RSA2' | 'RSA';
    withEmpty?: boolean;
  },
): Fields {
  const content = Object.keys(fields)
    .filter((name) => name !== 'sign' && name !== 'sign_type' && (withEmpty || fields[name] !== ''))
    .sort()
    .map((name) => `${name}=${fields[name]}`)
    .join('&');
  const signature = sign(signType === 'RSA2' ? 'sha256' : 'sha1', Buffer.from(content, 'utf8'), key);
  return { ...fields, sign_type: signType, sign: signature.toString('base64') };
}

const form = (fields: Fields) => new URLSearchParams(fields).toString();
const delivery = (fields: Fields) => ({
  headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
  body: form(fields),
});

const valid = signed(notification);
const { sign: _sign, ...unsigned } = valid;

describeSender({
  preset: 'alipay',
  signature: { publicKey: PUBLIC_KEY },
  // The server applies only what is saved: the form saves Alipay's default answer.
  config: { response: senderDescriptor('alipay')!.defaults!.response },
  valid: () => delivery(valid),
  expectedBody: valid,
  expectValidAnswer: async (response) => {
    expect(await response.text()).toBe('success');
  },
  refusals: [
    {
      name: 'tampered amount',
      request: () => delivery({ ...valid, total_amount: '0.01' }),
      message: 'Signature (sign) does not match',
    },
    {
      name: 'signed with another key',
      request: () => delivery(signed(notification, { key: otherKeys.privateKey })),
      message: 'Signature (sign) does not match',
    },
    {
      name: 'sign_type changed to RSA',
      request: () => delivery({ ...valid, sign_type: 'RSA' }),
      message: 'Signature (sign) does not match',
    },
    { name: 'missing sign', request: () => delivery(unsigned), message: 'Missing signature field sign' },
  ],
});

describe('alipay beside alipay-sdk', () => {
  const keys = (publicKey: string): SenderKeys => ({
    config: { preset: 'alipay', publicKey },
    secret: '',
    publicKey,
    token: '',
    receiveId: '',
    toleranceSeconds: 300,
    now: Date.now(),
  });
  const accepts = (body: string, publicKey = PUBLIC_KEY) => {
    try {
      alipay.verify(
        {
          method: 'POST',
          url: 'https://shop.example.com/api/webhook:trigger/k',
          header: () => '',
          query: {},
          rawBody: Buffer.from(body, 'utf8'),
          contentType: 'application/x-www-form-urlencoded',
        },
        keys(publicKey),
      );
      return true;
    } catch {
      return false;
    }
  };
  // The SDK takes the fields as a form body parser gives them.
  const sdkAccepts = (body: string) => sdk.checkNotifySignV2(Object.fromEntries(new URLSearchParams(body)));

  const cases: Array<[string, string, boolean]> = [
    ['RSA2', form(valid), true],
    ['RSA (SHA-1)', form(signed(notification, { signType: 'RSA' })), true],
    ['no sign_type (RSA2)', form((({ sign_type: _type, ...rest }) => rest)(valid)), true],
    ['fields in another order', form(Object.fromEntries(Object.entries(valid).reverse())), true],
    [
      'an empty field signed by name',
      form(signed({ ...notification, passback_params: '' }, { withEmpty: true })),
      true,
    ],
    ['tampered amount', form({ ...valid, total_amount: '0.01' }), false],
    ['tampered subject', form({ ...valid, subject: '测试订单 #1002 & more' }), false],
    ['a field added', form({ ...valid, refund_fee: '88.80' }), false],
    ['another key', form(signed(notification, { key: otherKeys.privateKey })), false],
    ['RSA2 sign under sign_type RSA', form({ ...valid, sign_type: 'RSA' }), false],
    ['no sign', form(unsigned), false],
  ];
  it.each(cases)('agrees with checkNotifySignV2: %s', (_name, body, expected) => {
    expect(sdkAccepts(body)).toBe(expected);
    expect(accepts(body)).toBe(expected);
  });

  it('leaves empty fields out of what is signed, as Alipay documents', () => {
    expect(accepts(form(signed({ ...notification, passback_params: '' })))).toBe(true);
  });

  it('reads the key as PEM, as bare base64, or from a certificate', () => {
    expect(accepts(form(valid), PUBLIC_KEY_PEM)).toBe(true);
    expect(accepts(form(valid), PUBLIC_KEY_PEM.replace(/\n/g, '\\n'))).toBe(true);
    const certificate = selfSignedCertificate('Alipay test');
    expect(accepts(form(signed(notification, { key: certificate.privateKey })), certificate.certificatePem)).toBe(true);
    expect(accepts(form(valid), certificate.certificatePem)).toBe(false);
  });

  it('refuses a repeated field', () => {
    expect(accepts(`${form(valid)}&total_amount=0.01`)).toBe(false);
  });
});

describe('alipay on save', () => {
  const trigger = new WebhookTrigger({} as never, {} as never);
  const errorsOf = (publicKey: string) =>
    JSON.stringify(trigger.validateConfig({ signature: { preset: 'alipay', publicKey } }) ?? null);

  it('refuses a public key that does not parse, naming signature.publicKey', () => {
    expect(errorsOf('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnot-a-key')).toContain('signature.publicKey');
    expect(errorsOf('not a key at all')).toContain('signature.publicKey');
    const privatePem = alipayKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(errorsOf(privatePem)).toContain('private key');
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(errorsOf(ecKey.export({ type: 'spki', format: 'pem' }).toString())).toContain('signature.publicKey');
  });

  it('saves a key as PEM, bare base64, a certificate or a variable', () => {
    expect(errorsOf(PUBLIC_KEY)).toBe('null');
    expect(errorsOf(PUBLIC_KEY_PEM)).toBe('null');
    expect(errorsOf(selfSignedCertificate('Alipay test').certificatePem)).toBe('null');
    expect(errorsOf('{{$env.ALIPAY_PUBLIC_KEY}}')).toBe('null');
  });
});
