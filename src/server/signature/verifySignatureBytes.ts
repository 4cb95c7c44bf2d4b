import { checkTimestamp, decodeSignature, hmac, sameBytes, SenderCheckFailure } from '../senders/Sender';
import type { SignatureScheme } from './schemes';

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Why a signature check failed; the message never contains the expected value. */
export { SenderCheckFailure as SignatureFailure };

/**
 * Checks one delivery's HMAC header signature over the exact bytes received. Every offered
 * signature is compared in constant time against the one computed here; any match passes.
 */
export function verifySignatureBytes(
  scheme: SignatureScheme,
  secret: string,
  rawBody: Buffer,
  header: (name: string) => string,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): void {
  const parts = scheme.read(header);
  if (!parts) {
    throw new SenderCheckFailure(`Missing signature header ${scheme.signatureHeader}`);
  }
  if (scheme.timestamped) {
    checkTimestamp(parts.timestamp, { toleranceSeconds, now });
  }
  const { before, after } = scheme.frame(parts);
  const expected = hmac(scheme.algorithm, scheme.key(secret), before, rawBody, after);
  if (!parts.signatures.some((offered) => sameBytes(decodeSignature(offered, scheme.encoding), expected))) {
    throw new SenderCheckFailure('Signature does not match');
  }
}
