import { createHmac, timingSafeEqual } from 'crypto';
import type { SignatureScheme } from './schemes';

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Why a signature check failed; the message never contains the expected value. */
export class SignatureFailure extends Error {}

/** Timestamps above this are taken as milliseconds (some custom senders use them). */
const MILLISECONDS_THRESHOLD = 1e12;

function decode(signature: string, encoding: 'hex' | 'base64'): Buffer | null {
  if (encoding === 'hex') {
    return /^[0-9a-f]+$/i.test(signature) && signature.length % 2 === 0 ? Buffer.from(signature, 'hex') : null;
  }
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(signature) ? Buffer.from(signature, 'base64') : null;
}

function checkTimestamp(timestamp: string | undefined, toleranceSeconds: number, now: number) {
  if (!timestamp) {
    throw new SignatureFailure('Missing signature timestamp');
  }
  const value = Number(timestamp);
  if (!Number.isFinite(value)) {
    throw new SignatureFailure('Signature timestamp is not a number');
  }
  const seconds = value > MILLISECONDS_THRESHOLD ? value / 1000 : value;
  if (Math.abs(now / 1000 - seconds) > toleranceSeconds) {
    throw new SignatureFailure(`Signature timestamp is outside the tolerance of ${toleranceSeconds} s`);
  }
}

/**
 * Checks one delivery's signature over the exact bytes received. Every offered signature is
 * compared in constant time against the one computed here; any match passes.
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
    throw new SignatureFailure(`Missing signature header ${scheme.signatureHeader}`);
  }
  if (scheme.timestamped) {
    checkTimestamp(parts.timestamp, toleranceSeconds, now);
  }
  const { before, after } = scheme.frame(parts);
  const expected = createHmac(scheme.algorithm, scheme.key(secret))
    .update(before)
    .update(rawBody)
    .update(after)
    .digest();
  const matches = parts.signatures.some((offered) => {
    const given = decode(offered, scheme.encoding);
    return given != null && given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) {
    throw new SignatureFailure('Signature does not match');
  }
}
