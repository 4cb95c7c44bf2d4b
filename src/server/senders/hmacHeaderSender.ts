import type { SignatureConfig } from '../../common/types';
import type { SignatureScheme } from '../signature/schemes';
import { verifySignatureBytes } from '../signature/verifySignatureBytes';
import { requireKey, SenderProtocol } from './Sender';

/**
 * A sender that signs with an HMAC in a header (GitHub, Stripe, Slack, Shopify, Meta, Standard
 * Webhooks, the custom scheme): one general check over the scheme's description.
 */
export function hmacHeaderSender(
  schemeOf: (config: SignatureConfig) => SignatureScheme,
  more: Omit<SenderProtocol, 'verify'> = {},
): SenderProtocol {
  return {
    verify: (request, keys) =>
      verifySignatureBytes(
        schemeOf(keys.config),
        requireKey(keys, 'secret', 'signing secret'),
        request.rawBody,
        request.header,
        keys,
      ),
    ...more,
  };
}
