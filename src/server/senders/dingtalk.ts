import { randomBytes } from 'crypto';
import type { SignatureConfig } from '../../common/types';
import {
  jsonAnswer,
  jsonBody,
  Opened,
  requireKey,
  SenderCheckFailure,
  SenderKeys,
  SenderProtocol,
  SenderRequest,
} from './Sender';
import { checkTencentSignature, isTencentKey, tencentDecrypt, tencentEncrypt, tencentSignature } from './tencentCipher';

const SIGNATURE = ['signature', 'msg_signature'] as const;
const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The JSON body's `encrypt` ciphertext. */
function ciphertextOf(request: SenderRequest): string {
  const body = jsonBody(request.rawBody) as { encrypt?: unknown } | null;
  const ciphertext = body && typeof body === 'object' && typeof body.encrypt === 'string' ? body.encrypt.trim() : '';
  if (!ciphertext) {
    throw new SenderCheckFailure('Missing encrypt field in the body');
  }
  return ciphertext;
}

function openDelivery(request: SenderRequest, keys: SenderKeys): string {
  const ciphertext = ciphertextOf(request);
  checkTencentSignature(request, requireKey(keys, 'token', 'token'), ciphertext, SIGNATURE);
  return tencentDecrypt(
    requireKey(keys, 'secret', 'aes_key'),
    ciphertext,
    requireKey(keys, 'receiveId', 'AppKey or CorpId'),
  );
}

function nonce(length = 16): string {
  return Array.from(randomBytes(length), (byte) => NONCE_ALPHABET[byte % NONCE_ALPHABET.length]).join('');
}

/** `success`, encrypted to the app and signed with a fresh timestamp and nonce: what DingTalk waits for. */
function encryptedSuccess(keys: SenderKeys) {
  const encrypt = tencentEncrypt(keys.secret, 'success', keys.receiveId);
  const timeStamp = String(keys.now);
  const once = nonce();
  return jsonAnswer({
    msg_signature: tencentSignature(keys.token, timeStamp, once, encrypt),
    timeStamp,
    nonce: once,
    encrypt,
  });
}

const opened = new WeakMap<SenderRequest, string>();

/**
 * DingTalk (钉钉) HTTP event subscriptions: the query's `signature` (or `msg_signature`) is the
 * SHA-1 of the sorted token, `timestamp`, `nonce` and the JSON body's `encrypt` ciphertext, which
 * decrypts as WeCom's does (see `tencentCipher`) to the event JSON addressed to the app key or corp
 * id. Every delivery, the `check_url` that confirms the URL included, must be answered with the
 * encrypted `success`; `check_url` starts no run.
 */
export const dingtalk: SenderProtocol = {
  verify: (request, keys) => {
    opened.set(request, openDelivery(request, keys));
  },
  open: (request, keys): Opened => ({
    body: Buffer.from(opened.get(request) ?? openDelivery(request, keys), 'utf8'),
    contentType: 'application/json',
  }),
  answerHandshake: (body, _request, keys) =>
    (body as { EventType?: unknown } | null)?.EventType === 'check_url' ? encryptedSuccess(keys) : null,
  answerEvery: encryptedSuccess,
  checkConfig: (config: SignatureConfig) =>
    config.secret && !config.secret.includes('{{') && !isTencentKey(config.secret)
      ? '"signature.secret" (aes_key) must be the 43 characters the DingTalk console shows'
      : null,
};
