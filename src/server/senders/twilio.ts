import { createHash } from 'crypto';
import { parse as parseQuery, stringify as stringifyQuery } from 'querystring';
import { mediaTypeOf } from '../pipeline/parsing/bodyParsers';
import {
  decodeSignature,
  hmac,
  requireHeader,
  requireKey,
  sameBytes,
  sameText,
  SenderCheckFailure,
  SenderProtocol,
  SenderRequest,
} from './Sender';

const SIGNATURE_HEADER = 'X-Twilio-Signature';
/** `key=<sharedKeyId>,algorithm=HMAC_SHA256` on webhooks signed with a SharedKey; absent: HMAC-SHA1. */
const SETTINGS_HEADER = 'X-Twilio-Webhooks-Signature-Settings';

/** The URL's parts without normalizing it, so the path and query keep the characters Twilio signed. */
function splitUrl(url: string) {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) {
    return null;
  }
  const [prefix, scheme, authority] = match;
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  // A colon starts the port only after an IPv6 literal's closing bracket.
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? '' : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function withDefaultPort(url: string): string {
  const parts = splitUrl(url);
  if (!parts || parts.port) {
    return url;
  }
  const port = parts.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return parts.scheme + parts.userInfo + parts.host + port + parts.rest;
}

function withoutPort(url: string): string {
  const parts = splitUrl(url);
  return parts ? parts.scheme + parts.userInfo + parts.host + parts.rest : url;
}

/** The query re-encoded as Node's legacy `querystring` does, for back ends that signed an escaped form. */
function withLegacyQuery(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1 || queryStart === url.length - 1) {
    return url;
  }
  return `${url.slice(0, queryStart)}?${stringifyQuery(parseQuery(url.slice(queryStart + 1)))}`;
}

/**
 * The URLs Twilio may have signed for the one called, in the order its own `validateRequest` tries
 * them: as received without and with the default port, then as `new URL()` normalizes it (with
 * and without the legacy query encoding).
 */
export function candidateUrls(url: string): string[] {
  const candidates = [withoutPort(url), withDefaultPort(url)];
  try {
    const normalized = new URL(url).toString();
    for (const form of [withoutPort(normalized), withDefaultPort(normalized)]) {
      candidates.push(form, withLegacyQuery(form));
    }
  } catch {
    // Not a URL: only the forms as received.
  }
  return [...new Set(candidates)];
}

/** The form fields by name; a repeated field's values in order. */
function formFields(request: SenderRequest): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  if (mediaTypeOf(request.contentType) !== 'application/x-www-form-urlencoded') {
    return fields;
  }
  for (const [name, value] of new URLSearchParams(request.rawBody.toString('utf8'))) {
    fields.set(name, [...(fields.get(name) ?? []), value]);
  }
  return fields;
}

/**
 * What Twilio signs after the URL: every field sorted by name, each as name then value; a repeated
 * field once per distinct value, the values sorted (as Twilio's libraries do).
 */
function signedFields(fields: Map<string, string[]>): string {
  return [...fields.keys()]
    .sort()
    .map((name) =>
      [...new Set(fields.get(name))]
        .sort()
        .map((value) => name + value)
        .join(''),
    )
    .join('');
}

function algorithmOf(request: SenderRequest): 'sha1' | 'sha256' {
  for (const part of request.header(SETTINGS_HEADER).split(',')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === 'algorithm') {
      const algorithm = part
        .slice(separator + 1)
        .trim()
        .toUpperCase();
      if (!algorithm || algorithm === 'HMAC_SHA1') {
        return 'sha1';
      }
      if (algorithm === 'HMAC_SHA256') {
        return 'sha256';
      }
      throw new SenderCheckFailure(`Unsupported signature algorithm in ${SETTINGS_HEADER}`);
    }
  }
  return 'sha1';
}

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Twilio: `X-Twilio-Signature` is the base64 HMAC-SHA1 (keyed with the auth token; HMAC-SHA256
 * when `X-Twilio-Webhooks-Signature-Settings` says so) of the full URL it called followed by every
 * form field sorted by name. A JSON body is signed through the URL instead: its `bodySHA256`
 * parameter must be the hex SHA-256 of the body, and the signature covers the URL alone. The URL
 * is accepted with and without its default port, as Twilio's own `validateRequest` does.
 */
export const twilio: SenderProtocol = {
  verify: (request, keys) => {
    const given = decodeSignature(requireHeader(request, SIGNATURE_HEADER), 'base64');
    const algorithm = algorithmOf(request);
    const authToken = requireKey(keys, 'secret', 'auth token');
    const bodyHash = firstOf(request.query.bodySHA256);
    const fields = bodyHash === undefined ? signedFields(formFields(request)) : '';
    const signed = candidateUrls(request.url).some((url) =>
      sameBytes(given, hmac(algorithm, authToken, Buffer.from(url + fields, 'utf8'))),
    );
    if (!signed) {
      throw new SenderCheckFailure(`${SIGNATURE_HEADER} does not match`);
    }
    if (bodyHash !== undefined && !sameText(bodyHash, createHash('sha256').update(request.rawBody).digest('hex'))) {
      throw new SenderCheckFailure('bodySHA256 does not match the body');
    }
  },
};
