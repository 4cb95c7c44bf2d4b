import { mediaTypeOf } from '../pipeline/parsing/bodyParsers';
import {
  checkTimestamp,
  decodeSignature,
  hmac,
  jsonBody,
  requireKey,
  sameBytes,
  SenderCheckFailure,
  SenderProtocol,
  SenderRequest,
} from './Sender';

interface SignatureFields {
  timestamp?: unknown;
  token?: unknown;
  signature?: unknown;
}

const NAMES = ['timestamp', 'token', 'signature'] as const;

/** The boundary a `multipart/form-data` Content-Type names, or null. */
function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

/** The text fields named `timestamp`, `token` and `signature` of a multipart body (files skipped). */
function multipartFields(raw: Buffer, contentType: string): SignatureFields {
  const boundary = boundaryOf(contentType);
  const fields: Record<string, string> = {};
  if (!boundary) {
    return fields;
  }
  // Latin-1 keeps one character per byte, so the text splits where the bytes do.
  const parts = raw.toString('latin1').split(`--${boundary}`);
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) {
      break;
    }
    const headersEnd = part.indexOf('\r\n\r\n');
    if (headersEnd === -1) {
      continue;
    }
    const disposition = /^content-disposition:([^\r\n]*)/im.exec(part.slice(0, headersEnd))?.[1] ?? '';
    const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (!name || /(?:^|;)\s*filename\*?=/i.test(disposition) || !(NAMES as readonly string[]).includes(name)) {
      continue;
    }
    if (fields[name] === undefined) {
      const value = part.slice(headersEnd + 4).replace(/\r\n$/, '');
      fields[name] = Buffer.from(value, 'latin1').toString('utf8');
    }
  }
  return fields;
}

/**
 * Where Mailgun puts its signature: `signature.{timestamp,token,signature}` of a JSON body, or the
 * `timestamp`, `token` and `signature` fields of a form (urlencoded or multipart).
 */
function signatureFields(request: SenderRequest): SignatureFields {
  const type = mediaTypeOf(request.contentType);
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(request.rawBody.toString('utf8'));
    return Object.fromEntries(NAMES.map((name) => [name, form.get(name) ?? undefined]));
  }
  if (type === 'multipart/form-data') {
    return multipartFields(request.rawBody, request.contentType);
  }
  const body = jsonBody(request.rawBody) as { signature?: unknown } | null;
  const signature = body && typeof body === 'object' ? body.signature : undefined;
  return signature && typeof signature === 'object' ? (signature as SignatureFields) : {};
}

function requireField(fields: SignatureFields, name: (typeof NAMES)[number]): string {
  const value = fields[name];
  if (typeof value === 'number' && name === 'timestamp') {
    return String(value);
  }
  if (typeof value !== 'string' || !value) {
    throw new SenderCheckFailure(`Missing signature field ${name} in the body`);
  }
  return value;
}

/**
 * Mailgun: the body itself carries the signature (`signature.signature` of a JSON body, or the
 * `signature` field of a form), the hex HMAC-SHA256 (keyed with the HTTP webhook signing key) of
 * `timestamp` followed by `token`, both beside it; the timestamp must be within the tolerance.
 * Only those two values are signed, not the event.
 */
export const mailgun: SenderProtocol = {
  verify: (request, keys) => {
    const fields = signatureFields(request);
    const given = decodeSignature(requireField(fields, 'signature'), 'hex');
    const timestamp = requireField(fields, 'timestamp');
    const token = requireField(fields, 'token');
    checkTimestamp(timestamp, keys);
    const expected = hmac('sha256', requireKey(keys, 'secret', 'webhook signing key'), timestamp, token);
    if (!sameBytes(given, expected)) {
      throw new SenderCheckFailure('Mailgun signature does not match');
    }
  },
};
