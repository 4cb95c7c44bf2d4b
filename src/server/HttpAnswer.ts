import type { Context } from '@nocobase/actions';
import type { HeaderPair, ResponseConfig } from '../common/types';

/** A complete HTTP answer: what the sender of a delivery receives. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const MIN_STATUS = 100;
const MAX_STATUS = 599;

export function normalizeStatus(value: unknown, fallback: number): number {
  const status = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof status === 'number' && Number.isInteger(status) && status >= MIN_STATUS && status <= MAX_STATUS) {
    return status;
  }
  return fallback;
}

export function headerRulesToRecord(rules: HeaderPair[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules ?? []) {
    const name = typeof rule?.name === 'string' ? rule.name.trim() : '';
    if (!name || rule.value == null) {
      continue;
    }
    headers[name] = typeof rule.value === 'string' ? rule.value : JSON.stringify(rule.value);
  }
  return headers;
}

/** Turns a response configuration (already variable-resolved) into an answer. */
export function answerFromResponseConfig(config: ResponseConfig | undefined, defaults: HttpAnswer): HttpAnswer {
  return {
    status: normalizeStatus(config?.statusCode, defaults.status),
    headers: { ...defaults.headers, ...headerRulesToRecord(config?.headers) },
    body: config?.body === undefined ? defaults.body : config.body,
  };
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
