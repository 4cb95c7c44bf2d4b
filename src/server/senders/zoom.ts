import {
  checkTimestamp,
  decodeSignature,
  hmac,
  jsonAnswer,
  requireHeader,
  requireKey,
  sameBytes,
  SenderCheckFailure,
  SenderProtocol,
} from './Sender';

const PREFIX = 'v0=';

/**
 * Zoom: `x-zm-signature: v0=<hex>`, HMAC-SHA256 keyed with the app's secret token over
 * `v0:<x-zm-request-timestamp>:<body>`. Zoom validates an endpoint with a signed
 * `{"event": "endpoint.url_validation", "payload": {"plainToken": …}}`, answered with the token and
 * its hex HMAC-SHA256 under the same secret token.
 */
export const zoom: SenderProtocol = {
  verify: (request, keys) => {
    const signature = requireHeader(request, 'x-zm-signature');
    const timestamp = requireHeader(request, 'x-zm-request-timestamp');
    checkTimestamp(timestamp, keys);
    const expected = hmac('sha256', requireKey(keys, 'secret', 'secret token'), `v0:${timestamp}:`, request.rawBody);
    const offered = signature.startsWith(PREFIX) ? decodeSignature(signature.slice(PREFIX.length), 'hex') : null;
    if (!sameBytes(offered, expected)) {
      throw new SenderCheckFailure('Signature does not match');
    }
  },
  answerHandshake: (body, _request, keys) => {
    const { event, payload } = (body ?? {}) as { event?: unknown; payload?: { plainToken?: unknown } | null };
    const plainToken = payload?.plainToken;
    if (event !== 'endpoint.url_validation' || typeof plainToken !== 'string') {
      return null;
    }
    const encryptedToken = hmac('sha256', requireKey(keys, 'secret', 'secret token'), plainToken).toString('hex');
    return jsonAnswer({ plainToken, encryptedToken });
  },
};
