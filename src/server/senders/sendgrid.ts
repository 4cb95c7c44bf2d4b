import { createPublicKey, KeyObject, verify } from 'crypto';
import { rememberedKeys } from './keyCache';
import {
  checkTimestamp,
  decodeSignature,
  requireHeader,
  requireKey,
  SenderCheckFailure,
  SenderProtocol,
} from './Sender';

const SIGNATURE_HEADER = 'X-Twilio-Email-Event-Webhook-Signature';
const TIMESTAMP_HEADER = 'X-Twilio-Email-Event-Webhook-Timestamp';

/**
 * The verification key as SendGrid shows it (the base64 of a DER SubjectPublicKeyInfo), or the
 * same in PEM; null unless it is an ECDSA P-256 public key.
 */
export const sendgridPublicKey = rememberedKeys((text: string): KeyObject | null => {
  const base64 = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('-----'))
    .join('')
    .replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    return null;
  }
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : null;
  } catch {
    return null;
  }
});

/**
 * SendGrid Event Webhook: `X-Twilio-Email-Event-Webhook-Signature` is the base64 DER ECDSA P-256 /
 * SHA-256 signature of `X-Twilio-Email-Event-Webhook-Timestamp` followed by the body, checked with
 * the verification key SendGrid shows; the timestamp must be within the tolerance.
 */
export const sendgrid: SenderProtocol = {
  verify: (request, keys) => {
    const given = decodeSignature(requireHeader(request, SIGNATURE_HEADER), 'base64');
    const timestamp = requireHeader(request, TIMESTAMP_HEADER);
    checkTimestamp(timestamp, keys);
    const key = sendgridPublicKey(requireKey(keys, 'publicKey', 'verification key'));
    if (!key) {
      throw new SenderCheckFailure('Signature cannot be verified: the verification key does not parse');
    }
    let signed = false;
    try {
      signed =
        given != null && verify('sha256', Buffer.concat([Buffer.from(timestamp, 'utf8'), request.rawBody]), key, given);
    } catch {
      // A signature that is not DER is not a match.
    }
    if (!signed) {
      throw new SenderCheckFailure(`${SIGNATURE_HEADER} does not match`);
    }
  },
  checkConfig: (config) => {
    const text = config.publicKey ?? '';
    // A `{{$env.NAME}}` reference is read only when a delivery arrives.
    if (!text || text.includes('{{') || sendgridPublicKey(text)) {
      return null;
    }
    return '"signature.publicKey" (Verification key) is not an ECDSA P-256 public key in base64 or PEM';
  },
};
