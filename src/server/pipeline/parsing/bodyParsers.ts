import { XMLParser, XMLValidator } from 'fast-xml-parser';
import qs from 'qs';
import { WebhookRejection } from '../Delivery';
import { refusePollutingKeys } from './hostileShapes';
import { jsonErrorPosition } from './jsonErrorPosition';

/** Parses one family of content types. */
interface BodyParser {
  matches(mediaType: string): boolean;
  parse(text: string): unknown;
}

/** Nesting beyond this is refused: no real payload needs it, and deep values strain every reader. */
export const MAX_NESTING = 64;
const XML_ENTITY_DECLARATION = /<!ENTITY/i;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text, or a 400 when it is not UTF-8 (a parsed type must be text). */
export function decodeUtf8(raw: Buffer): string {
  try {
    return utf8.decode(raw).replace(/^\uFEFF/, '');
  } catch {
    throw new WebhookRejection(400, 'Request body is not valid UTF-8');
  }
}

export function isUtf8(raw: Buffer): boolean {
  try {
    utf8.decode(raw);
    return true;
  } catch {
    return false;
  }
}

// Parse errors are reported by position only: the parsers' own messages quote the body, and the
// refusal reaches the request log, the history's error column and the sender's logs.

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const position = jsonErrorPosition(text);
    throw new WebhookRejection(
      400,
      position < 0 ? 'Malformed JSON body' : `Malformed JSON body (at position ${position})`,
    );
  }
}

/** Query strings and form bodies: brackets and dots nest (`hub.challenge` → `hub` → `challenge`). */
export function parseUrlEncoded(text: string, part: 'query' | 'body' = 'query'): Record<string, unknown> {
  // The parser silently drops `__proto__` keys; such a request is refused instead, so that the
  // sender learns it was not taken as sent.
  refusePollutingKeys(text, part);
  return qs.parse(text, { allowDots: true, depth: 10, parameterLimit: 1000 });
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  maxNestedTags: MAX_NESTING,
  processEntities: { enabled: true, maxTotalExpansions: 1000, maxExpandedLength: 100_000 },
});

function parseXml(text: string): unknown {
  // Entity declarations are how XML bombs and external-entity reads start; no webhook needs them.
  if (XML_ENTITY_DECLARATION.test(text)) {
    throw new WebhookRejection(400, 'XML body declares entities, which are refused');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new WebhookRejection(400, `Malformed XML body (at line ${valid.err.line}, column ${valid.err.col})`);
  }
  try {
    return xmlParser.parse(text);
  } catch (error) {
    // The parser's one limit it names without quoting the body; its other messages quote tag names.
    const tooDeep = /Maximum nested tags exceeded/.test((error as Error).message);
    throw new WebhookRejection(
      400,
      tooDeep ? `XML body is nested deeper than ${MAX_NESTING} levels` : 'XML body could not be parsed',
    );
  }
}

const PARSERS: BodyParser[] = [
  { matches: (type) => type === 'application/json' || type.endsWith('+json'), parse: parseJson },
  { matches: (type) => type === 'application/x-www-form-urlencoded', parse: (text) => parseUrlEncoded(text, 'body') },
  { matches: (type) => type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml'), parse: parseXml },
  { matches: (type) => type.startsWith('text/'), parse: (text) => text },
  // Senders that omit Content-Type usually still send JSON; anything else stays text.
  {
    matches: (type) => type === '',
    parse: (text) => {
      const trimmed = text.trim();
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        try {
          return JSON.parse(trimmed);
        } catch {
          return text;
        }
      }
      return text;
    },
  },
];

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * The whole body as later nodes see it: JSON, form fields, XML as an object, or text; `null` when
 * empty. Another type is kept as text when it is UTF-8; binary content is refused with 415 unless
 * the trigger keeps the raw body (`keepsRaw`), which then carries it and the body stays `null`.
 */
export function parseBodyBytes(raw: Buffer, contentType: string | undefined, keepsRaw = false): unknown {
  if (!raw.length) {
    return null;
  }
  const type = mediaTypeOf(contentType);
  const parser = PARSERS.find((candidate) => candidate.matches(type));
  if (parser) {
    return parser.parse(decodeUtf8(raw));
  }
  if (isUtf8(raw)) {
    return raw.toString('utf8');
  }
  if (keepsRaw) {
    return null;
  }
  // The Content-Type is the sender's text, so it is not repeated.
  throw new WebhookRejection(
    415,
    'Binary bodies of this Content-Type are kept only when the trigger keeps the raw body',
  );
}
