import type { Context } from '@nocobase/actions';
import { answerStatusOf, isValidHeaderName, MAX_ANSWER_STATUS, MIN_ANSWER_STATUS } from '../../common/httpRules';
import type { HeaderPair, ResponseConfig } from '../../common/types';

/** A complete HTTP answer: what the sender of a delivery receives. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** An answer built from configuration, with what had to be corrected on the way (for the log). */
export interface BuiltAnswer {
  answer: HttpAnswer;
  problems: string[];
}

// Tab and visible ASCII go as they are. Everything else is percent-encoded: CR and LF would split
// the header, other controls and non-Latin-1 text make Node refuse it, and Latin-1 bytes are read
// differently by different clients.
// By code point (`u`), so that a character outside the BMP is encoded whole.
const INVALID_HEADER_VALUE_CHARS = /[^\t\x20-\x7e]/gu;
// What a lone surrogate (not text at all) becomes: U+FFFD, the replacement character.
const REPLACEMENT = '%EF%BF%BD';

/** Percent-encodes (UTF-8) what cannot go into a header value as it is: `中文` → `%E4%B8%AD%E6%96%87`. */
export function headerSafeValue(value: string): string {
  return value.replace(INVALID_HEADER_VALUE_CHARS, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return REPLACEMENT;
    }
  });
}

/**
 * Header rows as the answer sends them. A name that is not a valid token is dropped and a value
 * that cannot be sent as it is gets percent-encoded, each with a problem for the log, so that
 * writing the answer can never fail on its headers.
 */
export function headerRulesToRecord(rules: HeaderPair[] | undefined, problems: string[] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules ?? []) {
    const name = typeof rule?.name === 'string' ? rule.name.trim() : '';
    if (!name || rule.value == null) {
      continue;
    }
    if (!isValidHeaderName(name)) {
      problems.push(`header name "${name}" is not valid and was left out`);
      continue;
    }
    const text = typeof rule.value === 'string' ? rule.value : JSON.stringify(rule.value);
    const safe = headerSafeValue(text);
    if (safe !== text) {
      problems.push(`header "${name}" had characters a header cannot carry and was percent-encoded`);
    }
    headers[name] = safe;
  }
  return headers;
}

function isUnset(value: unknown) {
  return value == null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Turns a response configuration (already variable-resolved) into an answer. A status outside
 * 200–599 (a 1xx would leave the sender waiting for a final answer) becomes a 500 that says so.
 */
export function answerFromResponseConfig(config: ResponseConfig | undefined, defaults: HttpAnswer): BuiltAnswer {
  const problems: string[] = [];
  const headers = { ...defaults.headers, ...headerRulesToRecord(config?.headers, problems) };
  const status = isUnset(config?.statusCode) ? defaults.status : answerStatusOf(config?.statusCode);
  if (status == null) {
    // Not echoed: a status built from request variables would put the sender's text in the log.
    const message = `The configured status code is not a number between ${MIN_ANSWER_STATUS} and ${MAX_ANSWER_STATUS}`;
    problems.push(message);
    return { answer: jsonError(500, message), problems };
  }
  return { answer: { status, headers, body: config?.body === undefined ? defaults.body : config.body }, problems };
}

export function jsonError(status: number, message: string, headers: Record<string, string> = {}): HttpAnswer {
  return { status, headers, body: { error: { status, message } } };
}

function hasHeader(headers: Record<string, string>, name: string) {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((key) => key.toLowerCase() === lower);
}

/**
 * Writes the answer raw (never wrapped in NocoBase's `{ data }`). Objects and arrays go out as JSON,
 * anything else as UTF-8 text, unless the answer names its own Content-Type.
 */
export function sendAnswer(ctx: Context, answer: HttpAnswer) {
  writeAnswer(ctx, answer);
  guardAnswerOrigin(ctx);
}

/**
 * Markup that can run script: HTML, XML (which may hold XHTML or SVG) and SVG, by type or suffix.
 */
const ACTIVE_CONTENT_TYPE =
  /^\s*(?:text\/html|application\/xhtml\+xml|[a-z0-9.+-]+\/(?:[a-z0-9.-]+\+)?xml|image\/svg\+xml)\s*(?:;|$)/i;

/**
 * Webhook answers are served from the admin UI's own origin, where its session token lives in
 * `localStorage`: an answer that reflects request text (`Hi {{$context.query.name}}` as HTML) would
 * run a sender's script there. `nosniff` stops a browser guessing markup in any answer, and
 * `sandbox` gives markup answers an opaque origin, so no script in them reaches the app.
 */
function guardAnswerOrigin(ctx: Context) {
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (ACTIVE_CONTENT_TYPE.test(String(ctx.response.get('Content-Type') ?? ''))) {
    ctx.set('Content-Security-Policy', 'sandbox');
  }
}

function writeAnswer(ctx: Context, answer: HttpAnswer) {
  const { body, headers } = answer;
  ctx.withoutDataWrapping = true;
  ctx.status = answer.status;
  for (const [name, value] of Object.entries(headers)) {
    ctx.set(name, value);
  }
  const explicitType = hasHeader(headers, 'content-type');
  if (body == null || body === '') {
    ctx.body = '';
    if (!explicitType) {
      ctx.remove('Content-Type');
    }
    return;
  }
  if (typeof body === 'object' && !Buffer.isBuffer(body)) {
    ctx.body = JSON.stringify(body);
    if (!explicitType) {
      ctx.type = 'application/json; charset=utf-8';
    }
    return;
  }
  ctx.body = Buffer.isBuffer(body) ? body : String(body);
  if (!explicitType) {
    ctx.type = 'text/plain; charset=utf-8';
  }
}
