import { keysOfJsonValue } from './sampleKeys';

/** A request caught while the designer listened (`webhookDeliveries:listened`). */
export interface ListenedRequest {
  method: string;
  /** Every header, lower-case names; credential-like values masked. */
  headers: Record<string, string>;
  /** Parsed; credential-like parameters masked, by the same rule as headers. */
  query: Record<string, unknown>;
  body: unknown;
  receivedAt: string;
}

/** How the server shows a credential it does not hand out. */
export const MASKED_VALUE = '••••••';

/**
 * Headers any HTTP client, proxy or browser adds: they say how the request travelled, not what
 * the sender meant, so they are not offered as rows (a designer can still list them by hand).
 */
const TRANSPORT_HEADERS = new Set([
  'host',
  'content-type',
  'user-agent',
  'connection',
  'keep-alive',
  'proxy-connection',
  'content-length',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
  'accept',
  'accept-encoding',
  'accept-language',
  'cache-control',
  'pragma',
  'via',
  'forwarded',
  'x-real-ip',
  'origin',
  'referer',
  'cookie',
]);
const TRANSPORT_PREFIXES = ['x-forwarded-', 'sec-', 'cf-'];

function isSenderHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  return (
    value !== MASKED_VALUE &&
    !TRANSPORT_HEADERS.has(lower) &&
    !TRANSPORT_PREFIXES.some((prefix) => lower.startsWith(prefix))
  );
}

/**
 * The rows a listened request suggests: the sender's own header names (not transport headers,
 * not credentials), every query parameter path and every body field path, listed as "Parse from a
 * sample" lists them.
 */
export function keysFromRequest(request: Pick<ListenedRequest, 'headers' | 'query' | 'body'>): {
  headers: string[];
  query: string[];
  body: string[];
} {
  const headers = Object.entries(request.headers ?? {})
    .filter(([name, value]) => isSenderHeader(name, String(value)))
    .map(([name]) => name.toLowerCase());
  return {
    headers,
    query: keysOfJsonValue(request.query ?? {}),
    body: keysOfJsonValue(request.body),
  };
}
