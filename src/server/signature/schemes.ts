import type { SignatureConfig } from '../../common/types';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';
export type SignatureEncoding = 'hex' | 'base64';

/** What a scheme reads from the request headers before anything is computed. */
export interface SignedParts {
  /** Every signature the sender offers (several during a key rotation); any one may match. */
  signatures: string[];
  /** Seconds since the epoch, for schemes that refuse old deliveries. */
  timestamp?: string;
  /** The sender's message id, for schemes that sign it. */
  id?: string;
}

/**
 * One sender's published scheme: where the signature is, what exactly is signed, and how. Every
 * preset and the custom scheme are values of this shape, verified by one function.
 */
export interface SignatureScheme {
  /** Names the header in "missing header" refusals. */
  signatureHeader: string;
  algorithm: HmacAlgorithm;
  encoding: SignatureEncoding;
  timestamped: boolean;
  /** Reads the parts; `null` when the signature header is missing or unreadable. */
  read(header: (name: string) => string): SignedParts | null;
  /** The signed content around the raw body: `before + body + after`. */
  frame(parts: SignedParts): { before: string; after: string };
  /** The HMAC key from the configured secret. */
  key(secret: string): Buffer;
}

const utf8Key = (secret: string) => Buffer.from(secret, 'utf8');

function withPrefix(value: string, prefix: string): string | null {
  if (!value) {
    return null;
  }
  if (!prefix) {
    return value.trim();
  }
  return value.startsWith(prefix) ? value.slice(prefix.length).trim() : null;
}

/** GitHub (and Meta, which signs the same way): `X-Hub-Signature-256: sha256=<hex>` over the body. */
export function hubSignature(header: string): SignatureScheme {
  return {
    signatureHeader: header,
    algorithm: 'sha256',
    encoding: 'hex',
    timestamped: false,
    read: (get) => {
      const signature = withPrefix(get(header), 'sha256=');
      return signature ? { signatures: [signature] } : null;
    },
    frame: () => ({ before: '', after: '' }),
    key: utf8Key,
  };
}

/** Stripe: `Stripe-Signature: t=<ts>,v1=<hex>[,v1=<hex>]` over `<t>.<body>`. */
export const stripe: SignatureScheme = {
  signatureHeader: 'Stripe-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  timestamped: true,
  read: (get) => {
    const entries = get('stripe-signature')
      .split(',')
      .map((entry) => entry.trim().split('='));
    const timestamp = entries.find(([name]) => name === 't')?.[1];
    const signatures = entries.filter(([name, value]) => name === 'v1' && value).map(([, value]) => value);
    return signatures.length ? { signatures, timestamp } : null;
  },
  frame: ({ timestamp }) => ({ before: `${timestamp}.`, after: '' }),
  key: utf8Key,
};

/** Slack: `X-Slack-Signature: v0=<hex>` over `v0:<X-Slack-Request-Timestamp>:<body>`. */
export const slack: SignatureScheme = {
  signatureHeader: 'X-Slack-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  timestamped: true,
  read: (get) => {
    const signature = withPrefix(get('x-slack-signature'), 'v0=');
    return signature ? { signatures: [signature], timestamp: get('x-slack-request-timestamp') } : null;
  },
  frame: ({ timestamp }) => ({ before: `v0:${timestamp}:`, after: '' }),
  key: utf8Key,
};

/** Shopify: `X-Shopify-Hmac-Sha256: <base64>` over the body, keyed with the app's secret. */
export const shopify: SignatureScheme = {
  signatureHeader: 'X-Shopify-Hmac-Sha256',
  algorithm: 'sha256',
  encoding: 'base64',
  timestamped: false,
  read: (get) => {
    const signature = get('x-shopify-hmac-sha256').trim();
    return signature ? { signatures: [signature] } : null;
  },
  frame: () => ({ before: '', after: '' }),
  key: utf8Key,
};

/**
 * Standard Webhooks (and Svix, which sends the same headers prefixed `svix-`):
 * `webhook-signature: v1,<base64> [v1,<base64> …]` over `<webhook-id>.<webhook-timestamp>.<body>`,
 * keyed with the base64 part of a `whsec_` secret.
 */
export const standardWebhooks: SignatureScheme = {
  signatureHeader: 'webhook-signature',
  algorithm: 'sha256',
  encoding: 'base64',
  timestamped: true,
  read: (get) => {
    const pick = (name: string) => get(`webhook-${name}`) || get(`svix-${name}`);
    const signatures = pick('signature')
      .split(' ')
      .map((entry) => entry.split(','))
      .filter(([version, value]) => version === 'v1' && value)
      .map(([, value]) => value);
    return signatures.length ? { signatures, timestamp: pick('timestamp'), id: pick('id') } : null;
  },
  frame: ({ id, timestamp }) => ({ before: `${id}.${timestamp}.`, after: '' }),
  key: (secret) => Buffer.from(secret.replace(/^whsec_/, ''), 'base64'),
};

const BODY_PLACEHOLDER = '{body}';

/** Any HMAC header scheme, from the trigger's own settings. */
export function custom(config: SignatureConfig): SignatureScheme {
  const header = (config.header ?? '').trim() || 'X-Signature';
  const timestampHeader = (config.timestampHeader ?? '').trim();
  const template = timestampHeader ? config.signedPayload || `{timestamp}.${BODY_PLACEHOLDER}` : BODY_PLACEHOLDER;
  const split = template.indexOf(BODY_PLACEHOLDER);
  const [before, after] =
    split < 0 ? [template, ''] : [template.slice(0, split), template.slice(split + BODY_PLACEHOLDER.length)];
  const fill = (text: string, timestamp = '') => text.split('{timestamp}').join(timestamp);
  return {
    signatureHeader: header,
    algorithm: config.algorithm ?? 'sha256',
    encoding: config.encoding ?? 'hex',
    timestamped: Boolean(timestampHeader),
    read: (get) => {
      const signature = withPrefix(get(header), config.prefix ?? '');
      return signature
        ? { signatures: [signature], timestamp: timestampHeader ? get(timestampHeader) : undefined }
        : null;
    },
    frame: ({ timestamp }) => ({ before: fill(before, timestamp), after: fill(after, timestamp) }),
    key: utf8Key,
  };
}
