import qs from 'qs';
import { WebhookRejection } from './Delivery';

/** Parses one family of content types; `null` from `matches` means "not mine". */
interface BodyParser {
  matches(mediaType: string): boolean;
  parse(raw: Buffer): unknown;
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WebhookRejection(400, `Malformed JSON body: ${(error as Error).message}`);
  }
}

const jsonParser: BodyParser = {
  matches: (type) => type === 'application/json' || type.endsWith('+json'),
  parse: parseJson,
};

const formParser: BodyParser = {
  matches: (type) => type === 'application/x-www-form-urlencoded',
  parse: (raw) => qs.parse(raw.toString('utf8')),
};

const textParser: BodyParser = {
  matches: (type) => type.startsWith('text/'),
  parse: (raw) => raw.toString('utf8'),
};

// Senders that omit Content-Type usually still send JSON; anything else stays text.
const untypedParser: BodyParser = {
  matches: (type) => type === '',
  parse: (raw) => {
    const text = raw.toString('utf8').trim();
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        return JSON.parse(text);
      } catch {
        return raw.toString('utf8');
      }
    }
    return raw.toString('utf8');
  },
};

const PARSERS: BodyParser[] = [jsonParser, formParser, textParser, untypedParser];

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The whole body as later nodes see it: JSON, form fields or text; `null` when empty. */
export function parseBodyBytes(raw: Buffer, contentType: string | undefined): unknown {
  if (!raw.length) {
    return null;
  }
  const type = mediaTypeOf(contentType);
  const parser = PARSERS.find((candidate) => candidate.matches(type)) ?? textParser;
  return parser.parse(raw);
}
