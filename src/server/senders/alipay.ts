import { verify as verifySignature } from 'crypto';
import { publicKeyConfigProblem, PublicKeyProblem, readPublicKey } from './publicKeys';
import { decodeSignature, requireKey, SenderCheckFailure, SenderProtocol } from './Sender';

/** `sign_type` → the digest Alipay signs with; RSA2 when the notification names none. */
const DIGESTS: Record<string, 'sha256' | 'sha1'> = { RSA2: 'sha256', RSA: 'sha1' };

/**
 * What Alipay signs: every non-empty field but `sign` and `sign_type`, URL-decoded, sorted by
 * name, `name=value` joined with `&`; with `withEmpty`, empty fields too (`name=`), as Alipay's
 * SDKs also accept. A repeated field is refused: the run would see another value than the one
 * signed.
 */
export function alipaySignedContent(fields: URLSearchParams, { withEmpty = false } = {}): string {
  const names = [...new Set(fields.keys())];
  if (names.some((name) => fields.getAll(name).length > 1)) {
    throw new SenderCheckFailure('Notification repeats a field');
  }
  return names
    .filter((name) => name !== 'sign' && name !== 'sign_type' && (withEmpty || fields.get(name) !== ''))
    .sort()
    .map((name) => `${name}=${fields.get(name)}`)
    .join('&');
}

/**
 * Alipay (支付宝) asynchronous notifications: a form POST whose `sign` field is the base64 RSA
 * signature (`sign_type` RSA2 = SHA-256, or the older RSA = SHA-1) of the other fields (see
 * `alipaySignedContent`), made with the key whose public half is the "Alipay public key".
 */
export const alipay: SenderProtocol = {
  verify: (request, keys) => {
    const fields = new URLSearchParams(request.rawBody.toString('utf8'));
    const sign = fields.get('sign');
    if (!sign) {
      throw new SenderCheckFailure('Missing signature field sign');
    }
    const signType = fields.get('sign_type') || 'RSA2';
    const digest = DIGESTS[signType];
    if (!digest) {
      throw new SenderCheckFailure('Signature type (sign_type) is neither RSA2 nor RSA');
    }
    const contents = [alipaySignedContent(fields)];
    if ([...fields.values()].includes('')) {
      contents.push(alipaySignedContent(fields, { withEmpty: true }));
    }
    // A `+` sent unescaped reads as a space in a form; base64 has no spaces.
    const signature = decodeSignature(sign.replace(/ /g, '+'), 'base64');
    let publicKey;
    try {
      publicKey = readPublicKey(requireKey(keys, 'publicKey', 'Alipay public key'));
    } catch (error) {
      if (error instanceof PublicKeyProblem) {
        throw new SenderCheckFailure('Signature cannot be verified: the Alipay public key does not parse');
      }
      throw error;
    }
    const matches = (content: string) => {
      try {
        return signature != null && verifySignature(digest, Buffer.from(content, 'utf8'), publicKey, signature);
      } catch {
        return false;
      }
    };
    if (!contents.some(matches)) {
      throw new SenderCheckFailure('Signature (sign) does not match');
    }
  },
  checkConfig: (config) =>
    publicKeyConfigProblem(config.publicKey, { field: 'publicKey', label: 'Alipay public key', type: 'rsa' }),
};
