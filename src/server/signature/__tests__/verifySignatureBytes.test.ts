import { createHmac } from 'crypto';
import type { SignatureConfig } from '../../../common/types';
import {
  githubHeaders,
  githubSignature,
  shopifyHeaders,
  slackHeaders,
  STANDARD_SECRET,
  standardWebhooksHeaders,
  stripeHeaders,
} from '../../__tests__/helpers/senders';
import { custom, hubSignature, shopify, slack, standardWebhooks, stripe } from '../schemes';
import type { SignatureScheme } from '../schemes';
import { SignatureFailure, verifySignatureBytes } from '../verifySignatureBytes';

const PAYLOAD = '{"id":"evt_1","amount":4200}';
const TAMPERED = '{"id":"evt_1","amount":4201}';
const SECRET = 'shh-its-a-secret';

/** The HMAC scheme of each preset this test covers. */
function schemeOf(config: SignatureConfig): SignatureScheme | null {
  switch (config.preset) {
    case 'github':
    case 'meta':
      return hubSignature('X-Hub-Signature-256');
    case 'stripe':
      return stripe;
    case 'slack':
      return slack;
    case 'shopify':
      return shopify;
    case 'standard-webhooks':
      return standardWebhooks;
    case 'custom':
      return custom(config);
    default:
      return null;
  }
}

function verify(config: SignatureConfig, payload: string, headers: Record<string, string>, now = Date.now()) {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const scheme = schemeOf(config);
  if (!scheme) {
    throw new Error('no scheme');
  }
  verifySignatureBytes(scheme, config.secret ?? '', Buffer.from(payload), (name) => lower[name.toLowerCase()] ?? '', {
    now,
    toleranceSeconds: config.tolerance ?? undefined,
  });
}

function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SignatureFailure) {
      return error.message;
    }
    throw error;
  }
  return 'passed';
}

const HOUR_AGO = Math.floor(Date.now() / 1000) - 3600;

const presets: Array<{
  preset: SignatureConfig['preset'];
  secret: string;
  sign: (secret: string, payload: string) => Record<string, string>;
  stale?: (secret: string, payload: string) => Record<string, string>;
}> = [
  { preset: 'github', secret: SECRET, sign: githubHeaders },
  {
    preset: 'stripe',
    secret: 'whsec_stripe_test',
    sign: stripeHeaders,
    stale: (s, p) => stripeHeaders(s, p, HOUR_AGO),
  },
  {
    preset: 'standard-webhooks',
    secret: STANDARD_SECRET,
    sign: standardWebhooksHeaders,
    stale: (s, p) => standardWebhooksHeaders(s, p, 'msg_1', new Date(HOUR_AGO * 1000)),
  },
  { preset: 'slack', secret: SECRET, sign: slackHeaders, stale: (s, p) => slackHeaders(s, p, HOUR_AGO) },
  { preset: 'shopify', secret: SECRET, sign: shopifyHeaders },
];

describe.each(presets)('the $preset preset', ({ preset, secret, sign, stale }) => {
  const config = { preset, secret };

  it('accepts a delivery signed by the sender', () => {
    expect(failure(() => verify(config, PAYLOAD, sign(secret, PAYLOAD)))).toBe('passed');
  });

  it('refuses a tampered body, a wrong secret and a missing header, saying which', () => {
    expect(failure(() => verify(config, TAMPERED, sign(secret, PAYLOAD)))).toBe('Signature does not match');
    const wrongSecret =
      preset === 'standard-webhooks'
        ? `whsec_${Buffer.from('another-key-another-key-another!').toString('base64')}`
        : 'not-the-secret';
    expect(failure(() => verify(config, PAYLOAD, sign(wrongSecret, PAYLOAD)))).toBe('Signature does not match');
    expect(failure(() => verify(config, PAYLOAD, {}))).toMatch(/^Missing signature header /);
  });

  if (stale) {
    it('refuses a timestamp outside the tolerance', () => {
      expect(failure(() => verify(config, PAYLOAD, stale(secret, PAYLOAD)))).toBe(
        'Signature timestamp is outside the tolerance of 300 s',
      );
      expect(
        failure(() => verify({ ...config, tolerance: 7200 } as SignatureConfig, PAYLOAD, stale(secret, PAYLOAD))),
      ).toBe('passed');
    });
  }
});

describe('signature details', () => {
  it("matches GitHub's published test vector", () => {
    expect(githubSignature("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
    const headers = {
      'X-Hub-Signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    };
    expect(
      failure(() => verify({ preset: 'github', secret: "It's a Secret to Everybody" }, 'Hello, World!', headers)),
    ).toBe('passed');
  });

  it('accepts any one of several Standard Webhooks signatures during a key rotation', () => {
    const old = `whsec_${Buffer.from('the-previous-key-the-previous-k!').toString('base64')}`;
    const signed = standardWebhooksHeaders(STANDARD_SECRET, PAYLOAD);
    const withOld = standardWebhooksHeaders(old, PAYLOAD);
    const rotating = {
      ...signed,
      'webhook-signature': `${withOld['webhook-signature']} ${signed['webhook-signature']}`,
    };
    expect(failure(() => verify({ preset: 'standard-webhooks', secret: STANDARD_SECRET }, PAYLOAD, rotating))).toBe(
      'passed',
    );
    const svix = {
      'svix-id': signed['webhook-id'],
      'svix-timestamp': signed['webhook-timestamp'],
      'svix-signature': signed['webhook-signature'],
    };
    expect(failure(() => verify({ preset: 'standard-webhooks', secret: STANDARD_SECRET }, PAYLOAD, svix))).toBe(
      'passed',
    );
  });

  it('accepts a Stripe header with several v1 entries when one matches', () => {
    const header = stripeHeaders('whsec_new', PAYLOAD)['Stripe-Signature'];
    const [t, v1] = header.split(',');
    const several = { 'Stripe-Signature': `${t},v1=${'0'.repeat(64)},${v1},v0=ignored` };
    expect(failure(() => verify({ preset: 'stripe', secret: 'whsec_new' }, PAYLOAD, several))).toBe('passed');
  });

  it('verifies any HMAC header scheme from the custom settings', () => {
    const ts = String(Math.floor(Date.now() / 1000));
    const sha512 = createHmac('sha512', SECRET).update(PAYLOAD).digest('base64');
    const custom: SignatureConfig = {
      preset: 'custom',
      secret: SECRET,
      header: 'X-Sig',
      algorithm: 'sha512',
      encoding: 'base64',
    };
    expect(failure(() => verify(custom, PAYLOAD, { 'X-Sig': sha512 }))).toBe('passed');
    expect(failure(() => verify(custom, TAMPERED, { 'X-Sig': sha512 }))).toBe('Signature does not match');

    const sha1 = createHmac('sha1', SECRET).update(`${ts}:${PAYLOAD}:end`).digest('hex');
    const timed: SignatureConfig = {
      preset: 'custom',
      secret: SECRET,
      header: 'X-Signature',
      algorithm: 'sha1',
      prefix: 'sha1=',
      timestampHeader: 'X-Timestamp',
      signedPayload: '{timestamp}:{body}:end',
    };
    expect(failure(() => verify(timed, PAYLOAD, { 'X-Signature': `sha1=${sha1}`, 'X-Timestamp': ts }))).toBe('passed');
    expect(failure(() => verify(timed, PAYLOAD, { 'X-Signature': sha1, 'X-Timestamp': ts }))).toMatch(
      /^Missing signature header/,
    );
    expect(failure(() => verify(timed, PAYLOAD, { 'X-Signature': `sha1=${sha1}` }))).toBe(
      'Missing signature timestamp',
    );
    const msStale = String((Number(ts) - 3600) * 1000);
    const staleSig = createHmac('sha1', SECRET).update(`${msStale}:${PAYLOAD}:end`).digest('hex');
    expect(
      failure(() => verify(timed, PAYLOAD, { 'X-Signature': `sha1=${staleSig}`, 'X-Timestamp': msStale })),
    ).toMatch(/outside the tolerance/);
  });

  it('never puts the expected value in a refusal', () => {
    const expected = createHmac('sha256', SECRET).update(PAYLOAD).digest('hex');
    const message = failure(() =>
      verify({ preset: 'github', secret: SECRET }, PAYLOAD, { 'X-Hub-Signature-256': 'sha256=00' }),
    );
    expect(message).toBe('Signature does not match');
    expect(message).not.toContain(expected);
  });
});
