import type { HttpAnswer } from '../http/HttpAnswer';
import {
  checkTimestamp,
  decodeSignature,
  hmac,
  requireHeader,
  requireKey,
  sameBytes,
  SenderCheckFailure,
  SenderProtocol,
  textAnswer,
} from './Sender';

const PREFIX = 'sha256=';
/** Twitch's own limit: a message older than 10 minutes is refused. */
const MAX_AGE_SECONDS = 600;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an RFC 3339 time (Twitch gives nanoseconds), or null. */
function millisecondsOf(text: string): number | null {
  if (!RFC_3339.test(text)) {
    return null;
  }
  const value = Date.parse(text.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(value) ? value : null;
}

const NO_CONTENT: HttpAnswer = { status: 204, headers: {}, body: '' };

/**
 * Twitch EventSub: `Twitch-Eventsub-Message-Signature: sha256=<hex>`, HMAC-SHA256 keyed with the
 * subscription's secret over the message id, the message timestamp (RFC 3339, within 10 minutes)
 * and the body. By `Twitch-Eventsub-Message-Type`, a signed `webhook_callback_verification` is
 * answered with its `challenge` as plain text, and a `revocation` with 204; neither runs.
 */
export const twitch: SenderProtocol = {
  verify: (request, keys) => {
    const signature = requireHeader(request, 'Twitch-Eventsub-Message-Signature');
    const id = requireHeader(request, 'Twitch-Eventsub-Message-Id');
    const timestamp = requireHeader(request, 'Twitch-Eventsub-Message-Timestamp');
    const milliseconds = millisecondsOf(timestamp);
    if (milliseconds == null) {
      throw new SenderCheckFailure('Signature timestamp is not an RFC 3339 time');
    }
    checkTimestamp(String(milliseconds), { toleranceSeconds: MAX_AGE_SECONDS, now: keys.now });
    const expected = hmac('sha256', requireKey(keys, 'secret', 'secret'), id, timestamp, request.rawBody);
    const offered = signature.startsWith(PREFIX) ? decodeSignature(signature.slice(PREFIX.length), 'hex') : null;
    if (!sameBytes(offered, expected)) {
      throw new SenderCheckFailure('Signature does not match');
    }
  },
  answerHandshake: (body, request) => {
    const type = request.header('Twitch-Eventsub-Message-Type').trim();
    if (type === 'revocation') {
      return NO_CONTENT;
    }
    const challenge = (body as { challenge?: unknown } | null)?.challenge;
    return type === 'webhook_callback_verification' && typeof challenge === 'string' ? textAnswer(challenge) : null;
  },
};
