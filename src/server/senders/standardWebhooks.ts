import { standardWebhooks as standardScheme } from '../signature/schemes';
import { ed25519PublicKey, ed25519Verifies } from './ed25519';
import { hmacHeaderSender } from './hmacHeaderSender';
import { isVariableReference } from './publicKeys';
import {
  checkTimestamp,
  decodeSignature,
  hmac,
  requireHeader,
  sameBytes,
  SenderCheckFailure,
  SenderKeys,
  SenderProtocol,
  SenderRequest,
} from './Sender';

/** `v1,` HMAC-SHA256 signatures only, keyed with a `whsec_` secret. */
const symmetric = hmacHeaderSender(() => standardScheme);

/** A `whpk_` public key (the base64 of the raw 32-byte Ed25519 key) as a node key; null when it is not one. */
function publicKeyOf(text: string) {
  const raw = decodeSignature(text.trim().replace(/^whpk_/, ''), 'base64');
  return raw ? ed25519PublicKey(raw) : null;
}

/**
 * With a public key: `v1a,<base64>` Ed25519 signatures over the same `<id>.<timestamp>.<body>`,
 * checked with the key; `v1,` HMAC signatures pass too when a secret is also set.
 */
function verifyWithPublicKey(request: SenderRequest, keys: SenderKeys) {
  const pick = (name: string) => request.header(`webhook-${name}`).trim() || request.header(`svix-${name}`).trim();
  const header = pick('signature') || requireHeader(request, 'webhook-signature');
  const timestamp = pick('timestamp');
  checkTimestamp(timestamp, keys);
  const key = keys.publicKey ? publicKeyOf(keys.publicKey) : null;
  if (keys.publicKey && !key) {
    throw new SenderCheckFailure('Signature cannot be verified: the public key does not parse');
  }
  if (!key && !keys.secret) {
    throw new SenderCheckFailure('Signature cannot be verified: the public key is not set');
  }
  const signed = `${pick('id')}.${timestamp}.`;
  const mac = keys.secret ? hmac('sha256', standardScheme.key(keys.secret), signed, request.rawBody) : null;
  const matches = header.split(' ').some((entry) => {
    const [version, value = ''] = entry.split(',');
    const offered = decodeSignature(value, 'base64');
    if (version === 'v1a') {
      return key != null && ed25519Verifies(key, offered, signed, request.rawBody);
    }
    return version === 'v1' && mac != null && sameBytes(offered, mac);
  });
  if (!matches) {
    throw new SenderCheckFailure('Signature does not match');
  }
}

/**
 * Standard Webhooks (Svix, Clerk, Resend…): `webhook-signature` over
 * `<webhook-id>.<webhook-timestamp>.<body>` (or the same `svix-` headers), either `v1,<base64>`
 * HMAC-SHA256 keyed with the base64 of a `whsec_` secret, or `v1a,<base64>` Ed25519 checked with a
 * `whpk_` public key. Any listed signature may match (key rotation).
 */
export const standardWebhooks: SenderProtocol = {
  verify: (request, keys) =>
    keys.config.publicKey ? verifyWithPublicKey(request, keys) : symmetric.verify(request, keys),
  checkConfig: (config) => {
    const publicKey = config.publicKey ?? '';
    if (!config.secret && !publicKey) {
      return '"signature.secret" (Signing secret) or "signature.publicKey" (Public key) is required for Standard Webhooks / Svix';
    }
    if (publicKey && !isVariableReference(publicKey) && !publicKeyOf(publicKey)) {
      return '"signature.publicKey" (Public key) is not an Ed25519 public key (whpk_ and the base64 of 32 bytes)';
    }
    return null;
  },
};
