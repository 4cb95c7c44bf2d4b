import { createDecipheriv, verify as verifySignature } from 'crypto';
import { isVariableReference, publicKeyConfigProblem, PublicKeyProblem, readPublicKey } from './publicKeys';
import {
  checkTimestamp,
  decodeSignature,
  jsonBody,
  requireHeader,
  requireKey,
  SenderCheckFailure,
  SenderProtocol,
} from './Sender';

/** The APIv3 key is 32 characters, used as the AES-256 key as they are. */
const API_V3_KEY_BYTES = 32;
const GCM_TAG_BYTES = 16;

interface Resource {
  algorithm?: unknown;
  ciphertext?: unknown;
  nonce?: unknown;
  associated_data?: unknown;
}

const cannotDecrypt = (why: string) => new SenderCheckFailure(`Cannot decrypt the resource: ${why}`);

/** The `resource`'s plaintext (AEAD_AES_256_GCM: the tag is the ciphertext's last 16 bytes). */
function decryptResource(resource: Resource, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') {
    throw cannotDecrypt('its algorithm is not AEAD_AES_256_GCM');
  }
  const { ciphertext, nonce } = resource;
  const associatedData = resource.associated_data ?? '';
  if (typeof ciphertext !== 'string' || typeof nonce !== 'string' || !nonce || typeof associatedData !== 'string') {
    throw cannotDecrypt('its ciphertext, nonce or associated_data is missing');
  }
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== API_V3_KEY_BYTES) {
    throw new SenderCheckFailure(`Cannot decrypt: the APIv3 key is not ${API_V3_KEY_BYTES} bytes`);
  }
  const sealed = Buffer.from(ciphertext, 'base64');
  if (sealed.length < GCM_TAG_BYTES) {
    throw cannotDecrypt('its ciphertext is shorter than the tag');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'utf8'), {
      authTagLength: GCM_TAG_BYTES,
    });
    decipher.setAuthTag(sealed.subarray(sealed.length - GCM_TAG_BYTES));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - GCM_TAG_BYTES)), decipher.final()]);
    return plain.toString('utf8');
  } catch {
    throw cannotDecrypt('the tag does not check with the APIv3 key');
  }
}

/**
 * WeChat Pay (微信支付) API v3 notifications: `Wechatpay-Signature` is the base64 RSA-SHA256
 * signature of `<Wechatpay-Timestamp>\n<Wechatpay-Nonce>\n<body>\n`, made with the key of the
 * platform certificate or of the "WeChat Pay public key" (`Wechatpay-Serial` names which; one key
 * is configured, so it is not read). WeChat Pay's signature probes (`WECHATPAY/SIGNTEST/…`) fail
 * this check, as WeChat Pay expects. The body's `resource` is then decrypted with the APIv3 key
 * (AEAD_AES_256_GCM), and the run sees the notification with `resource` replaced by its JSON.
 */
export const wechatpay: SenderProtocol = {
  verify: (request, keys) => {
    const given = requireHeader(request, 'Wechatpay-Signature');
    const timestamp = requireHeader(request, 'Wechatpay-Timestamp');
    checkTimestamp(timestamp, keys);
    const nonce = requireHeader(request, 'Wechatpay-Nonce');
    let publicKey;
    try {
      publicKey = readPublicKey(requireKey(keys, 'publicKey', 'WeChat Pay public key or platform certificate'));
    } catch (error) {
      if (error instanceof PublicKeyProblem) {
        throw new SenderCheckFailure(
          'Signature cannot be verified: the WeChat Pay public key or platform certificate does not parse',
        );
      }
      throw error;
    }
    const signed = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), request.rawBody, Buffer.from('\n')]);
    const signature = decodeSignature(given, 'base64');
    let valid = false;
    try {
      valid = signature != null && verifySignature('sha256', signed, publicKey, signature);
    } catch {
      valid = false;
    }
    if (!valid) {
      throw new SenderCheckFailure('Signature (Wechatpay-Signature) does not match');
    }
  },
  open: (request, keys) => {
    const notification = jsonBody(request.rawBody);
    if (!notification || typeof notification !== 'object' || Array.isArray(notification)) {
      throw new SenderCheckFailure('Cannot decrypt: the notification is not a JSON object');
    }
    const { resource } = notification as { resource?: unknown };
    if (!resource || typeof resource !== 'object' || Array.isArray(resource)) {
      throw new SenderCheckFailure('Cannot decrypt: the notification has no resource');
    }
    const plain = decryptResource(resource as Resource, requireKey(keys, 'secret', 'APIv3 key'));
    const decrypted = jsonBody(Buffer.from(plain, 'utf8')) ?? plain;
    return {
      body: Buffer.from(JSON.stringify({ ...notification, resource: decrypted }), 'utf8'),
      contentType: 'application/json; charset=utf-8',
    };
  },
  checkConfig: (config) => {
    const keyProblem = publicKeyConfigProblem(config.publicKey, {
      field: 'publicKey',
      label: 'WeChat Pay public key or platform certificate',
      type: 'rsa',
    });
    if (keyProblem) {
      return keyProblem;
    }
    const secret = config.secret ?? '';
    if (secret && !isVariableReference(secret) && Buffer.byteLength(secret, 'utf8') !== API_V3_KEY_BYTES) {
      return `"signature.secret" (APIv3 key) must be ${API_V3_KEY_BYTES} bytes, as WeChat Pay sets it`;
    }
    return null;
  },
};
