import { createPublicKey, KeyObject, X509Certificate } from 'crypto';
import { rememberedKeys } from './keyCache';

/** Why a pasted public key could not be read; the message never quotes the key. */
export class PublicKeyProblem extends Error {}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const ENV_REFERENCE = /\{\{\s*\$env\./;

/** A value written as `{{$env.NAME}}` is read only when a delivery comes: nothing to check on save. */
export const isVariableReference = (value: string) => ENV_REFERENCE.test(value);

/** The DER a block's base64 holds, whitespace and escaped newlines (`\n` typed as text) ignored. */
function base64Der(text: string): Buffer {
  const compact = text.replace(/\\[nr]/g, '').replace(/\s+/g, '');
  if (!compact || !BASE64.test(compact)) {
    throw new PublicKeyProblem('is neither PEM nor base64');
  }
  return Buffer.from(compact, 'base64');
}

function fromDer(der: Buffer, label: string | null): KeyObject {
  if (label === 'CERTIFICATE') {
    return new X509Certificate(der).publicKey;
  }
  if (label === 'RSA PUBLIC KEY') {
    return createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
  }
  if (label === 'PUBLIC KEY') {
    return createPublicKey({ key: der, format: 'der', type: 'spki' });
  }
  if (label && /PRIVATE KEY/.test(label)) {
    throw new PublicKeyProblem('is a private key; paste the public key');
  }
  if (label) {
    throw new PublicKeyProblem(`is a PEM "${label}" block, not a public key or certificate`);
  }
  // Bare base64, as the senders' consoles show it: SPKI first, then a certificate, then PKCS#1.
  for (const read of [
    () => createPublicKey({ key: der, format: 'der', type: 'spki' }),
    () => new X509Certificate(der).publicKey,
    () => createPublicKey({ key: der, format: 'der', type: 'pkcs1' }),
  ]) {
    try {
      return read();
    } catch {
      // the next form
    }
  }
  throw new PublicKeyProblem('is not a public key or certificate');
}

/**
 * Reads a public key as the senders hand it out: a PEM public key (`PUBLIC KEY`, `RSA PUBLIC
 * KEY`), a PEM X.509 certificate (its subject's key), or the bare base64 of an SPKI public key or
 * of a certificate. PEM may come on one line or with `\n` typed as text (an environment variable).
 * A private key is refused, so that it is not kept as if it were public.
 */
export function parsePublicKey(text: string): KeyObject {
  const block = PEM_BLOCK.exec(text);
  const der = base64Der(block ? block[2] : text);
  try {
    return fromDer(der, block ? block[1].trim() : null);
  } catch (error) {
    if (error instanceof PublicKeyProblem) {
      throw error;
    }
    throw new PublicKeyProblem('is not a public key or certificate');
  }
}

/** `parsePublicKey`, remembered: deliveries of one workflow read the same key each time. */
export const readPublicKey = rememberedKeys(parsePublicKey);

/**
 * The save-time check of a public key field: null when it reads (or is an `{{$env.NAME}}` read
 * later), else a message naming the field, e.g. `"signature.publicKey" (Alipay public key) …`.
 */
export function publicKeyConfigProblem(
  value: string | undefined,
  { field, label, type }: { field: string; label: string; type?: string },
): string | null {
  if (!value || isVariableReference(value)) {
    return null;
  }
  const name = `"signature.${field}" (${label})`;
  try {
    const key = parsePublicKey(value);
    if (type && key.asymmetricKeyType !== type) {
      return `${name} is a ${key.asymmetricKeyType} key; this sender signs with ${type.toUpperCase()}`;
    }
    return null;
  } catch (error) {
    return `${name} ${error instanceof PublicKeyProblem ? error.message : 'does not parse'}`;
  }
}
