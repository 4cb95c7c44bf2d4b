import { slack as slackScheme } from '../signature/schemes';
import { hmacHeaderSender } from './hmacHeaderSender';
import { textAnswer } from './Sender';

/**
 * Slack: `X-Slack-Signature: v0=<hex>` over `v0:<timestamp>:<body>`. The Events API confirms a
 * request URL with a signed `{"type": "url_verification", "challenge": …}`, answered with the
 * challenge.
 */
export const slack = hmacHeaderSender(() => slackScheme, {
  answerHandshake: (body) => {
    const { type, challenge } = (body ?? {}) as { type?: unknown; challenge?: unknown };
    return type === 'url_verification' && typeof challenge === 'string' ? textAnswer(challenge) : null;
  },
});
