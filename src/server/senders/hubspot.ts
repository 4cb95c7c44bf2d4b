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

const SIGNATURE_HEADER = 'X-HubSpot-Signature-v3';
const TIMESTAMP_HEADER = 'X-HubSpot-Request-Timestamp';
/** HubSpot refuses requests older than five minutes itself; the workflow's tolerance does not apply. */
const MAX_AGE_SECONDS = 300;

/** The escapes HubSpot decodes in the URI before signing it. */
const DECODED_IN_URI: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

/** The URL as received, and with the escapes HubSpot decodes before signing decoded. */
function candidateUrls(url: string): string[] {
  const decoded = url.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (escape) => DECODED_IN_URI[escape.toUpperCase()],
  );
  return decoded === url ? [url] : [url, decoded];
}

/**
 * HubSpot (v3): `X-HubSpot-Signature-v3` is the base64 HMAC-SHA256 (keyed with the app's client
 * secret) of the method, the full URL it called, the body and `X-HubSpot-Request-Timestamp`
 * (milliseconds), which must be at most five minutes old.
 */
export const hubspot: SenderProtocol = {
  verify: (request, keys) => {
    const given = decodeSignature(requireHeader(request, SIGNATURE_HEADER), 'base64');
    const timestamp = requireHeader(request, TIMESTAMP_HEADER);
    checkTimestamp(timestamp, { toleranceSeconds: MAX_AGE_SECONDS, now: keys.now });
    const secret = requireKey(keys, 'secret', 'client secret');
    const signed = candidateUrls(request.url).some((url) =>
      sameBytes(given, hmac('sha256', secret, request.method.toUpperCase(), url, request.rawBody, timestamp)),
    );
    if (!signed) {
      throw new SenderCheckFailure(`${SIGNATURE_HEADER} does not match`);
    }
  },
};
