import { custom as customScheme } from '../signature/schemes';
import { hmacHeaderSender } from './hmacHeaderSender';

/** Any HMAC header scheme, described by the trigger's own settings. */
export const custom = hmacHeaderSender(customScheme);
