import type { FieldRule, WebhookContext } from '../../../common/types';
import { isUtf8, MAX_NESTING, mediaTypeOf, parseBodyBytes, parseUrlEncoded } from '../parsing/bodyParsers';
import { Parsed, Read, Stage } from '../Delivery';
import { refuseHostileShape } from '../parsing/hostileShapes';
import { metadataOf, parseMultipart, ReceivedFile } from '../parsing/multipart';

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
  return parseUrlEncoded(querystring);
}

/** `$context.rawBody`: the bytes as text, or base64 when they are not UTF-8. */
function rawBodyFields(raw: Buffer): Pick<WebhookContext, 'rawBody' | 'rawBodyEncoding'> {
  return isUtf8(raw)
    ? { rawBody: raw.toString('utf8'), rawBodyEncoding: 'utf8' }
    : { rawBody: raw.toString('base64'), rawBodyEncoding: 'base64' };
}

async function parseBody(delivery: Read): Promise<{ body: unknown; uploads?: ReceivedFile[] }> {
  const contentType = delivery.bodyType ?? delivery.ctx.get('content-type');
  if (delivery.rawBody.length && mediaTypeOf(contentType) === 'multipart/form-data') {
    const { fields, files } = await parseMultipart(delivery.rawBody, contentType);
    return { body: fields, uploads: files };
  }
  return { body: parseBodyBytes(delivery.rawBody, contentType, Boolean(delivery.config.rawBody)) };
}

/** The request as the run sees it: listed headers, query, body (and files, and the raw body if kept). */
export function parseRequest<In extends Read = Read>(): Stage<In, In & Parsed> {
  return async (delivery) => {
    const { ctx, config } = delivery;
    const query = parseQuery(ctx.querystring);
    const { body, uploads } = await parseBody(delivery);
    refuseHostileShape(query, 'query', MAX_NESTING);
    refuseHostileShape(body, 'body', MAX_NESTING);
    const context: WebhookContext = {
      method: ctx.method,
      headers: pickHeaders(config.request?.headers, (name) => ctx.get(name)),
      query,
      body,
      ...(uploads ? { files: metadataOf(uploads) } : {}),
      ...(config.rawBody ? rawBodyFields(delivery.rawBody) : {}),
    };
    return { ...delivery, context, uploads };
  };
}
