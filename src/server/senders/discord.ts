import { ed25519PublicKey, ed25519Verifies } from './ed25519';
import { isVariableReference } from './publicKeys';
import {
  checkTimestamp,
  decodeSignature,
  jsonAnswer,
  requireHeader,
  requireKey,
  SenderCheckFailure,
  SenderProtocol,
} from './Sender';

const HEX_KEY = /^[0-9a-f]{64}$/i;
const PING = 1;

/** The application's public key (64 hex characters) as a node key; null when it is not one. */
function publicKeyOf(text: string) {
  const value = text.trim();
  return HEX_KEY.test(value) ? ed25519PublicKey(Buffer.from(value, 'hex')) : null;
}

/**
 * Discord interactions: `X-Signature-Ed25519` (hex), the Ed25519 signature over
 * `X-Signature-Timestamp` followed by the body, checked with the application's public key. Discord
 * checks the endpoint with a signed PING (`{"type": 1}`), answered with `{"type": 1}`, and with
 * badly signed requests, which must get 401.
 */
export const discord: SenderProtocol = {
  verify: (request, keys) => {
    const signature = requireHeader(request, 'X-Signature-Ed25519');
    const timestamp = requireHeader(request, 'X-Signature-Timestamp');
    checkTimestamp(timestamp, keys);
    const key = publicKeyOf(requireKey(keys, 'publicKey', 'public key'));
    if (!key) {
      throw new SenderCheckFailure('Signature cannot be verified: the public key does not parse');
    }
    if (!ed25519Verifies(key, decodeSignature(signature, 'hex'), timestamp, request.rawBody)) {
      throw new SenderCheckFailure('Signature does not match');
    }
  },
  answerHandshake: (body) => ((body as { type?: unknown } | null)?.type === PING ? jsonAnswer({ type: PING }) : null),
  checkConfig: (config) => {
    const value = config.publicKey ?? '';
    if (!value || isVariableReference(value) || publicKeyOf(value)) {
      return null;
    }
    return '"signature.publicKey" (Public key) is not an Ed25519 public key of 64 hex characters';
  },
};
