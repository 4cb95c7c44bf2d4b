import {
  checkTimestamp,
  decodeSignature,
  hmac,
  requireHeader,
  requireKey,
  sameBytes,
  SenderCheckFailure,
  SenderProtocol,
} from './Sender';

const HEADER = 'Paddle-Signature';

/** `ts=<s>;h1=<hex>[;h1=…]`: the timestamp and every offered signature. */
function readHeader(value: string) {
  let timestamp = '';
  const signatures: string[] = [];
  for (const part of value.split(';')) {
    const split = part.indexOf('=');
    const name = part.slice(0, split).trim();
    const text = part.slice(split + 1).trim();
    if (split < 0 || !text) {
      continue;
    }
    if (name === 'ts') {
      timestamp = text;
    } else if (name === 'h1') {
      signatures.push(text);
    }
  }
  return { timestamp, signatures };
}

/**
 * Paddle Billing: `Paddle-Signature: ts=<s>;h1=<hex>[;h1=…]`, HMAC-SHA256 keyed with the
 * notification destination's secret key over `<ts>:<body>`; while a secret is rotated several `h1`
 * are sent, and any may match.
 */
export const paddle: SenderProtocol = {
  verify: (request, keys) => {
    const { timestamp, signatures } = readHeader(requireHeader(request, HEADER));
    if (!signatures.length) {
      throw new SenderCheckFailure(`Missing h1 signature in ${HEADER}`);
    }
    checkTimestamp(timestamp, keys);
    const expected = hmac('sha256', requireKey(keys, 'secret', 'secret key'), `${timestamp}:`, request.rawBody);
    if (!signatures.some((offered) => sameBytes(decodeSignature(offered, 'hex'), expected))) {
      throw new SenderCheckFailure('Signature does not match');
    }
  },
};
