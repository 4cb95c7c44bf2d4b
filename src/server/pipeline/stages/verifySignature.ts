import { senderDescriptor } from '../../../common/senders';
import type { SignatureConfig } from '../../../common/types';
import { senderUrl } from '../../http/senderUrl';
import { protocolOf } from '../../senders/catalogue';
import { SenderCheckFailure, SenderKeys, SenderRequest } from '../../senders/Sender';
import type { SecretReader } from '../../support/secrets';
import { DEFAULT_TOLERANCE_SECONDS } from '../../signature/verifySignatureBytes';
import { Read, Resolved, WebhookRejection } from '../Delivery';

/** The keys a sender needs, read through `{{$env.NAME}}`, or the label of the first required one missing. */
export function readKeys(config: SignatureConfig, secrets: SecretReader): SenderKeys | { missing: string } {
  const read = (value: string | undefined) => (value ? secrets(value) : '');
  const keys: SenderKeys = {
    config,
    secret: read(config.secret) ?? '',
    publicKey: read(config.publicKey) ?? '',
    token: read(config.token) ?? '',
    receiveId: read(config.receiveId) ?? '',
    toleranceSeconds:
      Number.isFinite(Number(config.tolerance)) && Number(config.tolerance) > 0
        ? Number(config.tolerance)
        : DEFAULT_TOLERANCE_SECONDS,
    now: Date.now(),
  };
  // The custom scheme is not in the catalogue: it needs its secret.
  const required = senderDescriptor(config.preset)?.fields.filter((field) => field.required) ?? [
    { name: 'secret' as const, label: 'Signing secret' },
  ];
  const missing = required.find((field) => field.name !== 'url' && !keys[field.name]);
  return missing ? { missing: missing.label } : keys;
}

/** The request as a sender's protocol reads it. */
export function senderRequest(delivery: Resolved & { rawBody: Buffer }): SenderRequest {
  const { ctx, config } = delivery;
  return {
    method: ctx.method,
    url: senderUrl(ctx, config.signature?.url),
    header: (name) => ctx.get(name),
    query: ctx.query as SenderRequest['query'],
    rawBody: delivery.rawBody,
    contentType: ctx.get('content-type'),
  };
}

/**
 * Verifies the delivery as its sender signs it, over the exact bytes received, before anything is
 * parsed or stored, and decrypts it where the sender encrypts: the decrypted bytes are what is
 * parsed, stored and replayed. A refusal says which check failed (missing header, stale timestamp,
 * mismatch, cannot decrypt), never the expected value; nothing of a refused delivery runs.
 */
export function verifySignature(secrets: SecretReader) {
  return (delivery: Read): Read => {
    const config = delivery.config.signature;
    const protocol = protocolOf(config);
    if (!config || !protocol) {
      return delivery;
    }
    const keys = readKeys(config, secrets);
    if ('missing' in keys) {
      delivery.logger.error(
        `[webhook] workflow ${delivery.workflow.id}: the sender's "${keys.missing}" is empty or names an unset variable`,
      );
      throw new WebhookRejection(401, 'Signature cannot be verified');
    }
    const request = senderRequest(delivery);
    try {
      protocol.verify(request, keys);
      const opened = protocol.open?.(request, keys);
      return {
        ...delivery,
        ...(opened ? { rawBody: opened.body, bodyType: opened.contentType } : {}),
        sender: { protocol, request, keys },
      };
    } catch (error) {
      if (error instanceof SenderCheckFailure) {
        throw new WebhookRejection(401, error.message);
      }
      throw error;
    }
  };
}
