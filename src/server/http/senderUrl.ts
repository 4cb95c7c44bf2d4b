import type { Context } from '@nocobase/actions';
import { fromTrustedProxy } from '../pipeline/parsing/clientAddress';
import { configuredPublicOrigin } from './publicUrl';

const firstOf = (value: string) => value.split(',')[0].trim();

/**
 * The origin a sender reaches the app at: `WEBHOOK_PUBLIC_URL`'s when set, else the request's own
 * protocol and host, where `X-Forwarded-Proto` / `-Host` are believed only from a proxy listed in
 * `WEBHOOK_TRUSTED_PROXIES` (anyone else could write them).
 */
export function requestOrigin(ctx: Context): string {
  const configured = configuredPublicOrigin();
  if (configured) {
    return configured;
  }
  const proxied = fromTrustedProxy(ctx);
  const encrypted = Boolean((ctx.req.socket as { encrypted?: boolean }).encrypted);
  const protocol = (proxied && firstOf(ctx.get('x-forwarded-proto'))) || (encrypted ? 'https' : 'http');
  const host = (proxied && firstOf(ctx.get('x-forwarded-host'))) || ctx.get('host');
  return `${protocol}://${host}`;
}

/**
 * The URL a sender called, as the senders that sign it (Twilio, Square, HubSpot) computed it: the
 * origin above plus the path and query exactly as received. `signature.url` replaces the origin and
 * path where a proxy rewrites paths; the query received is kept (Twilio puts `bodySHA256` there)
 * unless the setting has one of its own.
 */
export function senderUrl(ctx: Context, configured?: string | null): string {
  const override = (configured ?? '').trim();
  if (!override) {
    return `${requestOrigin(ctx)}${ctx.originalUrl}`;
  }
  return override.includes('?') || !ctx.querystring ? override : `${override}?${ctx.querystring}`;
}
