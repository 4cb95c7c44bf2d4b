import { hubSignature } from '../signature/schemes';
import { hmacHeaderSender } from './hmacHeaderSender';

/** GitHub: `X-Hub-Signature-256: sha256=<hex>` HMAC of the body with the webhook's secret. */
export const github = hmacHeaderSender(() => hubSignature('X-Hub-Signature-256'));
