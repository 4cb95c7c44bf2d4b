import {
  decodeSignature,
  hmac,
  requireHeader,
  requireKey,
  sameBytes,
  SenderCheckFailure,
  SenderProtocol,
} from './Sender';

const SIGNATURE_HEADER = 'x-square-hmacsha256-signature';

/**
 * Square: `x-square-hmacsha256-signature` is the base64 HMAC-SHA256 (keyed with the subscription's
 * signature key) of the notification URL followed by the body. The URL is the one Square called,
 * or `signature.url` where a proxy rewrites the path.
 */
export const square: SenderProtocol = {
  verify: (request, keys) => {
    const given = decodeSignature(requireHeader(request, SIGNATURE_HEADER), 'base64');
    const expected = hmac('sha256', requireKey(keys, 'secret', 'signature key'), request.url, request.rawBody);
    if (!sameBytes(given, expected)) {
      throw new SenderCheckFailure(`${SIGNATURE_HEADER} does not match`);
    }
  },
};
