import type { SecretReader } from '../../support/secrets';
import { schemeOf } from '../../signature/schemes';
import {
  DEFAULT_TOLERANCE_SECONDS,
  SignatureFailure,
  verifySignatureBytes,
} from '../../signature/verifySignatureBytes';
import { Guard, Read, WebhookRejection } from '../Delivery';

/**
 * Verifies the sender's signature over the exact bytes received, before anything is parsed or
 * stored. A refusal says which check failed (missing header, stale timestamp, mismatch), never the
 * expected value; nothing of a refused delivery is stored or run.
 */
export function verifySignature(secrets: SecretReader): Guard<Read> {
  return (delivery) => {
    const config = delivery.config.signature;
    const scheme = schemeOf(config);
    if (!config || !scheme) {
      return;
    }
    const secret = secrets(config.secret);
    if (!secret) {
      delivery.logger.error(
        `[webhook] workflow ${delivery.workflow.id}: the signing secret is empty or names an unset variable`,
      );
      throw new WebhookRejection(401, 'Signature cannot be verified');
    }
    const tolerance = Number(config.tolerance);
    try {
      verifySignatureBytes(scheme, secret, delivery.rawBody, (name) => delivery.ctx.get(name), {
        toleranceSeconds: Number.isFinite(tolerance) && tolerance > 0 ? tolerance : DEFAULT_TOLERANCE_SECONDS,
      });
    } catch (error) {
      if (error instanceof SignatureFailure) {
        throw new WebhookRejection(401, error.message);
      }
      throw error;
    }
  };
}
