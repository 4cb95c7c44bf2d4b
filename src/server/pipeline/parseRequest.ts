import qs from 'qs';
import type { FieldRule, WebhookContext } from '../../common/types';
import { parseBodyBytes } from './bodyParsers';
import { Parsed, Read, Stage } from './Delivery';

/**
 * Only the headers the designer listed are kept: credentials and cookies must not end up in
 * execution records unless someone asked for them by name.
 */
export function pickHeaders(rules: FieldRule[] | undefined, get: (name: string) => string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules ?? []) {
    const name = typeof rule?.key === 'string' ? rule.key.trim().toLowerCase() : '';
    if (!name) {
      continue;
    }
    const value = get(name);
    if (value !== '') {
      headers[name] = value;
    }
  }
  return headers;
}

export function parseQuery(querystring: string): Record<string, unknown> {
  return qs.parse(querystring, { allowDots: false, depth: 10 });
}

export const parseRequest: Stage<Read, Parsed> = (delivery) => {
  const { ctx, config } = delivery;
  const context: WebhookContext = {
    method: ctx.method,
    headers: pickHeaders(config.request?.headers, (name) => ctx.get(name)),
    query: parseQuery(ctx.querystring),
    body: parseBodyBytes(delivery.rawBody, ctx.get('content-type')),
  };
  return { ...delivery, context };
};
