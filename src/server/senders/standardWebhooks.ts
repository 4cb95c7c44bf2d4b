import { standardWebhooks as standardScheme } from '../signature/schemes';
import { hmacHeaderSender } from './hmacHeaderSender';

/**
 * Standard Webhooks (Svix, Clerk, Resend…): `webhook-signature: v1,<base64>` HMAC over
 * `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64 of a `whsec_` secret.
 */
export const standardWebhooks = hmacHeaderSender(() => standardScheme);
