import { MASKED_VALUE } from '../../common/requestKeys';

/**
 * Parts of a header or query parameter name that mark its value as a credential wherever they
 * appear in it: `x-auth`, `oauth_token`, `x-webhook-key`, `private-key`, `api_key`,
 * `x-hub-signature-256`, `x-shopify-hmac-sha256`, `session_id`, `hub.verify_token`, …
 * Broad on purpose: a masked value that was harmless costs the designer one look at the sender's
 * documentation; a credential in clear stays readable in the capture.
 */
const CREDENTIAL_PARTS =
  /auth|token|key|secret|passw|passphrase|pwd|signature|session|cookie|credential|hmac|jwt|bearer|private|csrf|xsrf/i;
/**
 * Short names that are credentials only as a whole word (`sig` of a signed URL, `code` of an Azure
 * Functions key or an OAuth grant): as parts they would mask `design` or `zipcode`.
 */
const CREDENTIAL_WORDS = new Set(['sig', 'sid', 'pass', 'pw', 'pin', 'otp', 'code']);

/** One rule for headers and query parameters: does this name look like it carries a credential? */
export function isCredentialName(name: string): boolean {
  if (CREDENTIAL_PARTS.test(name)) {
    return true;
  }
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => CREDENTIAL_WORDS.has(word));
}

/** Every header, with the value of each credential-like one shown as present only. */
export function maskHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) {
      continue;
    }
    shown[name] = isCredentialName(name) ? MASKED_VALUE : Array.isArray(value) ? value.join(', ') : value;
  }
  return shown;
}

/**
 * The parsed query with the value of each credential-like parameter shown as present only, at any
 * depth (`hub.verify_token` is `{ hub: { verify_token } }`); a masked name hides all below it.
 */
export function maskQuery(query: Record<string, unknown>): Record<string, unknown> {
  const mask = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(mask);
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([name, inner]) => [name, isCredentialName(name) ? MASKED_VALUE : mask(inner)]),
      );
    }
    return value;
  };
  return mask(query) as Record<string, unknown>;
}
