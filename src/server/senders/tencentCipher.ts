import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto';
import { decodeSignature, sameBytes, sameText, SenderCheckFailure, SenderRequest } from './Sender';

/**
 * The message encryption WeCom (企业微信) and DingTalk (钉钉) share, as Tencent's own libraries do
 * it: AES-256-CBC keyed with the base64 of the 43-character EncodingAESKey (aes_key) plus "=", the
 * IV its first 16 bytes, no cipher padding but PKCS#7 to 32-byte blocks; the plaintext is 16
 * random bytes, the message's length (4 bytes, big-endian), the message and the receive id (corp
 * id, app key). The signature is the hex SHA-1 of the token, timestamp, nonce and ciphertext,
 * sorted and joined.
 */

const KEY_PATTERN = /^[A-Za-z0-9+/]{43}$/;
const BLOCK = 32;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;

/** Whether a value is an EncodingAESKey / aes_key as the consoles show it. */
export function isTencentKey(value: string): boolean {
  return KEY_PATTERN.test(value) && Buffer.from(`${value}=`, 'base64').length === 32;
}

function keyOf(encodingAesKey: string): { key: Buffer; iv: Buffer } {
  if (!isTencentKey(encodingAesKey)) {
    throw new SenderCheckFailure('Cannot decrypt: the key is not 43 characters of base64');
  }
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  return { key, iv: key.subarray(0, 16) };
}

/** The hex SHA-1 of the parts, sorted and joined. */
export function tencentSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** One query parameter, '' when absent (the last one when repeated). */
export function queryValue(request: SenderRequest, name: string): string {
  const value = request.query[name];
  return (Array.isArray(value) ? value[value.length - 1] : value) ?? '';
}

/**
 * Refuses unless the query's signature (`signatureName`, or the first of several names present)
 * is the token's over `timestamp`, `nonce` and the ciphertext; compared in constant time.
 */
export function checkTencentSignature(
  request: SenderRequest,
  token: string,
  ciphertext: string,
  signatureNames: readonly string[],
) {
  const name = signatureNames.find((candidate) => queryValue(request, candidate)) ?? signatureNames[0];
  const given = queryValue(request, name).trim();
  if (!given) {
    throw new SenderCheckFailure(`Missing signature parameter ${name}`);
  }
  const expected = tencentSignature(token, queryValue(request, 'timestamp'), queryValue(request, 'nonce'), ciphertext);
  const decoded = decodeSignature(given, 'hex');
  if (!sameBytes(decoded, Buffer.from(expected, 'hex'))) {
    throw new SenderCheckFailure('Signature does not match');
  }
}

/**
 * The message of a ciphertext. Refuses with "Cannot decrypt" when it is not one of this key's, and
 * when `receiveId` is set and the message is addressed to another (compared in constant time).
 */
export function tencentDecrypt(encodingAesKey: string, ciphertext: string, receiveId: string): string {
  const { key, iv } = keyOf(encodingAesKey);
  const data = /^[A-Za-z0-9+/]+={0,2}$/.test(ciphertext) ? Buffer.from(ciphertext, 'base64') : null;
  if (!data || data.length === 0 || data.length % 16 !== 0) {
    throw new SenderCheckFailure('Cannot decrypt: the ciphertext is not AES blocks in base64');
  }
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(data), decipher.final()]);
  const padLength = padded[padded.length - 1];
  const padding = padded.subarray(padded.length - padLength);
  if (padLength < 1 || padLength > BLOCK || padLength > padded.length || padding.some((byte) => byte !== padLength)) {
    throw new SenderCheckFailure('Cannot decrypt: wrong key or damaged ciphertext');
  }
  const plain = padded.subarray(0, padded.length - padLength);
  const start = RANDOM_BYTES + LENGTH_BYTES;
  if (plain.length < start || plain.readUInt32BE(RANDOM_BYTES) > plain.length - start) {
    throw new SenderCheckFailure('Cannot decrypt: wrong key or damaged ciphertext');
  }
  const end = start + plain.readUInt32BE(RANDOM_BYTES);
  const addressee = plain.subarray(end).toString('utf8');
  if (receiveId && !sameText(addressee, receiveId)) {
    throw new SenderCheckFailure('Cannot decrypt: the message is addressed to another receive id');
  }
  return plain.subarray(start, end).toString('utf8');
}

/** The ciphertext (base64) of a message addressed to `receiveId`. */
export function tencentEncrypt(encodingAesKey: string, message: string, receiveId: string): string {
  const { key, iv } = keyOf(encodingAesKey);
  const text = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(text.length, 0);
  const plain = Buffer.concat([randomBytes(RANDOM_BYTES), length, text, Buffer.from(receiveId, 'utf8')]);
  const padLength = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  cipher.setAutoPadding(false);
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(padLength, padLength)])),
    cipher.final(),
  ]).toString('base64');
}
