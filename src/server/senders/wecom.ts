import type { SignatureConfig } from '../../common/types';
import {
  Opened,
  requireKey,
  SenderCheckFailure,
  SenderKeys,
  SenderProtocol,
  SenderRequest,
  textAnswer,
} from './Sender';
import { checkTencentSignature, isTencentKey, queryValue, tencentDecrypt } from './tencentCipher';

// Base64 holds neither `]` nor `<`, so the ciphertext is read without parsing the unverified XML.
const ENCRYPT_ELEMENT = /<Encrypt>\s*(?:<!\[CDATA\[([^\]<]*)\]\]>|([^<]*))\s*<\/Encrypt>/;
const SIGNATURE = ['msg_signature'] as const;

/** The XML body's `Encrypt` ciphertext. */
function ciphertextOf(request: SenderRequest): string {
  const match = ENCRYPT_ELEMENT.exec(request.rawBody.toString('utf8'));
  const ciphertext = (match?.[1] ?? match?.[2] ?? '').trim();
  if (!ciphertext) {
    throw new SenderCheckFailure('Missing Encrypt element in the body');
  }
  return ciphertext;
}

/** Checks `msg_signature` over a ciphertext and decrypts it. */
function openCiphertext(request: SenderRequest, keys: SenderKeys, ciphertext: string): string {
  checkTencentSignature(request, requireKey(keys, 'token', 'token'), ciphertext, SIGNATURE);
  return tencentDecrypt(requireKey(keys, 'secret', 'EncodingAESKey'), ciphertext, keys.receiveId);
}

const opened = new WeakMap<SenderRequest, string>();

/**
 * WeCom (企业微信): the query's `msg_signature` is the SHA-1 of the sorted token, `timestamp`,
 * `nonce` and the XML body's `Encrypt` ciphertext, which decrypts (see `tencentCipher`) to the
 * message XML, addressed to the corp id when one is set. The URL is confirmed with a GET carrying
 * an encrypted `echostr`, answered with its plaintext.
 */
export const wecom: SenderProtocol = {
  answerUrlCheck: (request, keys) => {
    const echostr = queryValue(request, 'echostr');
    return echostr ? textAnswer(openCiphertext(request, keys, echostr)) : null;
  },
  verify: (request, keys) => {
    opened.set(request, openCiphertext(request, keys, ciphertextOf(request)));
  },
  open: (request, keys): Opened => {
    const message = opened.get(request) ?? openCiphertext(request, keys, ciphertextOf(request));
    return { body: Buffer.from(message, 'utf8'), contentType: 'application/xml' };
  },
  checkConfig: (config: SignatureConfig) =>
    config.secret && !config.secret.includes('{{') && !isTencentKey(config.secret)
      ? '"signature.secret" (EncodingAESKey) must be the 43 characters the WeCom console shows'
      : null,
};
