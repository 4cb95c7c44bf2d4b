import { hubSignature } from '../signature/schemes';
import { hmacHeaderSender } from './hmacHeaderSender';

/**
 * Meta (WhatsApp, Messenger, Instagram) signs as GitHub does, with the app secret. Its GET
 * verification (`hub.challenge`) is answered by the `handshake` setting (see `answerMetaHandshake`).
 */
export const meta = hmacHeaderSender(() => hubSignature('X-Hub-Signature-256'));
