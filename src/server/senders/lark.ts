import { createDecipheriv, createHash } from 'crypto';
import {
  decodeSignature,
  jsonAnswer,
  jsonBody,
  Opened,
  requireKey,
  sameBytes,
  sameText,
  SenderCheckFailure,
  SenderKeys,
  SenderProtocol,
  SenderRequest,
} from './Sender';

const SIGNATURE_HEADER = 'X-Lark-Signature';

interface LarkEvent {
  type?: unknown;
  challenge?: unknown;
  token?: unknown;
  header?: { token?: unknown };
}

const isUrlVerification = (event: LarkEvent) =>
  event.type === 'url_verification' && typeof event.challenge === 'string';

/** AES-256-CBC keyed with the SHA-256 of the Encrypt Key; the IV is the ciphertext's first 16 bytes. */
function decrypt(encryptKey: string, encrypted: string): string {
  const data = /^[A-Za-z0-9+/]+={0,2}$/.test(encrypted) ? Buffer.from(encrypted, 'base64') : null;
  if (!data || data.length < 32 || data.length % 16 !== 0) {
    throw new SenderCheckFailure('Cannot decrypt: the encrypt field is not AES blocks in base64');
  }
  try {
    const key = createHash('sha256').update(encryptKey).digest();
    const decipher = createDecipheriv('aes-256-cbc', key, data.subarray(0, 16));
    return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
  } catch {
    throw new SenderCheckFailure('Cannot decrypt: wrong Encrypt Key or damaged ciphertext');
  }
}

/** Refuses unless `X-Lark-Signature` is the hex SHA-256 of timestamp + nonce + Encrypt Key + body. */
function checkSignature(request: SenderRequest, encryptKey: string, given: string) {
  const expected = createHash('sha256')
    .update(request.header('X-Lark-Request-Timestamp'))
    .update(request.header('X-Lark-Request-Nonce'))
    .update(encryptKey)
    .update(request.rawBody)
    .digest();
  if (!sameBytes(decodeSignature(given, 'hex'), expected)) {
    throw new SenderCheckFailure('Signature does not match');
  }
}

/**
 * The event in plain JSON, checked, decrypted and its Verification Token compared; the token is
 * then taken out, so that it reaches neither the run nor the stored delivery.
 */
function openEvent(request: SenderRequest, keys: SenderKeys): string {
  const token = requireKey(keys, 'token', 'Verification Token');
  const body = jsonBody(request.rawBody);
  const encrypted = body && typeof body === 'object' ? (body as { encrypt?: unknown }).encrypt : undefined;
  let text = request.rawBody.toString('utf8');
  let unsigned = false;
  if (keys.secret) {
    if (typeof encrypted !== 'string') {
      throw new SenderCheckFailure('Missing encrypt field in the body');
    }
    const signature = request.header(SIGNATURE_HEADER).trim();
    if (signature) {
      checkSignature(request, keys.secret, signature);
    } else {
      // Only the URL's verification request comes unsigned: known once decrypted.
      unsigned = true;
    }
    text = decrypt(keys.secret, encrypted);
  } else if (encrypted !== undefined) {
    throw new SenderCheckFailure('Cannot decrypt: the Encrypt Key is not set');
  }
  const event = jsonBody(Buffer.from(text, 'utf8')) as LarkEvent | null;
  if (!event || typeof event !== 'object') {
    throw new SenderCheckFailure(keys.secret ? 'Cannot decrypt: the event is not JSON' : 'Body is not a JSON event');
  }
  if (unsigned && !isUrlVerification(event)) {
    throw new SenderCheckFailure(`Missing signature header ${SIGNATURE_HEADER}`);
  }
  const inHeader = Boolean(event.header && typeof event.header === 'object');
  const given = inHeader ? event.header?.token : event.token;
  if (typeof given !== 'string' || !sameText(given, token)) {
    throw new SenderCheckFailure('Verification token does not match');
  }
  if (inHeader) {
    const { token: _token, ...header } = event.header ?? {};
    return JSON.stringify({ ...event, header });
  }
  const { token: _token, ...rest } = event;
  return JSON.stringify(rest);
}

const opened = new WeakMap<SenderRequest, string>();

/**
 * Lark / Feishu: with an Encrypt Key, `X-Lark-Signature` is the hex SHA-256 of
 * `X-Lark-Request-Timestamp` + `X-Lark-Request-Nonce` + the Encrypt Key + the body, and the body
 * `{"encrypt": …}` decrypts (AES-256-CBC, key the SHA-256 of the Encrypt Key) to the event; the
 * event's Verification Token (`header.token`, or `token` in v1 events) must be the workflow's, and
 * is not kept. The URL is confirmed with `url_verification` (unsigned), answered with its challenge.
 */
export const lark: SenderProtocol = {
  verify: (request, keys) => {
    opened.set(request, openEvent(request, keys));
  },
  open: (request, keys): Opened => ({
    body: Buffer.from(opened.get(request) ?? openEvent(request, keys), 'utf8'),
    contentType: 'application/json',
  }),
  answerHandshake: (body) =>
    body && typeof body === 'object' && isUrlVerification(body as LarkEvent)
      ? jsonAnswer({ challenge: (body as LarkEvent).challenge })
      : null,
};
