import { createPublicKey, KeyObject, verify } from 'crypto';
import { rememberedKeys } from './keyCache';

/** The DER prefix that makes a raw 32-byte Ed25519 public key an SPKI structure node can read. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

const keyOfHex = rememberedKeys((hex: string): KeyObject | null => {
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
});

/** A raw 32-byte Ed25519 public key as a node key (remembered); null when it is not one. */
export function ed25519PublicKey(raw: Buffer): KeyObject | null {
  return raw.length === KEY_BYTES ? keyOfHex(raw.toString('hex')) : null;
}

/** Whether `signature` is the key's Ed25519 signature of the message parts; false for a malformed one. */
export function ed25519Verifies(key: KeyObject, signature: Buffer | null, ...parts: Array<string | Buffer>): boolean {
  if (!signature || signature.length !== SIGNATURE_BYTES) {
    return false;
  }
  try {
    return verify(
      null,
      Buffer.concat(parts.map((part) => (Buffer.isBuffer(part) ? part : Buffer.from(part)))),
      key,
      signature,
    );
  } catch {
    return false;
  }
}
