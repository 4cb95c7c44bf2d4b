import type { SecretReader } from '../../support/secrets';
import { sameSecret } from './authenticate';
import { Answered, Parsed, Resolved, Stage, WebhookRejection } from '../Delivery';

const challengeAnswer = (challenge: string) =>
  new Answered({ status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: challenge });

/**
 * Meta (WhatsApp, Messenger, Instagram) verifies a webhook URL with
 * `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` and expects the challenge echoed
 * when the token is the one entered in the app's settings, 403 otherwise. Answered before
 * authentication and the method check (the handshake is a GET even where deliveries are POSTs);
 * it starts no run.
 */
export function answerMetaHandshake(secrets: SecretReader): Stage<Resolved, Resolved> {
  return (delivery) => {
    const { ctx, config } = delivery;
    if (config.handshake?.type !== 'meta' || ctx.method !== 'GET' || ctx.query['hub.mode'] !== 'subscribe') {
      return delivery;
    }
    const expected = secrets(config.handshake.verifyToken);
    const given = String(ctx.query['hub.verify_token'] ?? '');
    const matches = sameSecret(given, expected ?? '');
    if (!expected || !matches) {
      throw new WebhookRejection(403, 'Verification token does not match');
    }
    return challengeAnswer(String(ctx.query['hub.challenge'] ?? ''));
  };
}

/**
 * Slack's Events API confirms a request URL with a signed `{"type": "url_verification",
 * "challenge": "…"}` delivery and expects the challenge back. Answered after the signature was
 * verified and the body parsed; it starts no run.
 */
export const answerSlackHandshake: Stage<Parsed, Parsed> = (delivery) => {
  const body = delivery.context.body as { type?: unknown; challenge?: unknown } | null;
  if (
    delivery.config.handshake?.type !== 'slack' ||
    !body ||
    typeof body !== 'object' ||
    body.type !== 'url_verification' ||
    typeof body.challenge !== 'string'
  ) {
    return delivery;
  }
  return challengeAnswer(body.challenge);
};
