import { shopify as shopifyScheme } from '../signature/schemes';
import { hmacHeaderSender } from './hmacHeaderSender';

/** Shopify: `X-Shopify-Hmac-Sha256: <base64>` over the body, keyed with the app's secret. */
export const shopify = hmacHeaderSender(() => shopifyScheme);
