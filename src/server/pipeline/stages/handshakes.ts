import type { HttpAnswer } from '../../http/HttpAnswer';
import { protocolOf } from '../../senders/catalogue';
import { SenderCheckFailure } from '../../senders/Sender';
import type { SecretReader } from '../../support/secrets';
import { sameSecret } from './authenticate';
import { readKeys, senderRequest } from './verifySignature';
import { Answered, Parsed, Received, Resolved, Stage, WebhookRejection } from '../Delivery';

const challengeAnswer = (challenge: string) =>
  new Answered({ status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: challenge });

/** A verification request answered: the history shows it as a handshake, and nothing runs. */
function handshake(delivery: Received, answer: HttpAnswer): Answered {
  delivery.trace.outcome = 'handshake';
  return new Answered(answer);
}

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
    return handshake(delivery, challengeAnswer(String(ctx.query['hub.challenge'] ?? '')).answer);
  };
}

/**
 * A sender that checks its URL with a GET before it delivers anything (WeCom's `echostr`): answered
 * before authentication and the method check, as Meta's, and only when the sender's own check of
 * that request passes (401 otherwise).
 */
export function answerSenderUrlCheck(secrets: SecretReader): Stage<Resolved, Resolved> {
  return (delivery) => {
    const config = delivery.config.signature;
    const protocol = protocolOf(config);
    if (!config || !protocol?.answerUrlCheck || delivery.ctx.method !== 'GET') {
      return delivery;
    }
    const keys = readKeys(config, secrets);
    if ('missing' in keys) {
      return delivery;
    }
    try {
      const answer = protocol.answerUrlCheck(senderRequest({ ...delivery, rawBody: Buffer.alloc(0) }), keys);
      return answer ? handshake(delivery, answer) : delivery;
    } catch (error) {
      if (error instanceof SenderCheckFailure) {
        throw new WebhookRejection(401, error.message);
      }
      throw error;
    }
  };
}

const isSlackChallenge = (body: unknown): body is { type: 'url_verification'; challenge: string } =>
  body != null &&
  typeof body === 'object' &&
  (body as { type?: unknown }).type === 'url_verification' &&
  typeof (body as { challenge?: unknown }).challenge === 'string';

/**
 * A verification request among deliveries (Slack's and Lark's `url_verification`, Zoom's
 * `endpoint.url_validation`, Discord's PING, Twitch's `webhook_callback_verification`): answered
 * after the delivery was verified (and decrypted) and parsed, as its sender expects; no run. The
 * `handshake: { type: "slack" }` setting answers Slack's challenge without the Slack sender.
 */
export const answerSenderHandshake: Stage<Parsed, Parsed> = (delivery) => {
  const body = delivery.context.body;
  const sender = delivery.sender;
  try {
    const answer = sender?.protocol.answerHandshake?.(body, sender.request, sender.keys);
    if (answer) {
      return handshake(delivery, answer);
    }
  } catch (error) {
    if (error instanceof SenderCheckFailure) {
      throw new WebhookRejection(401, error.message);
    }
    throw error;
  }
  if (delivery.config.handshake?.type === 'slack' && isSlackChallenge(body)) {
    return handshake(delivery, challengeAnswer(body.challenge).answer);
  }
  return delivery;
};
