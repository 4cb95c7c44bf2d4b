import http from 'http';
import type { AddressInfo } from 'net';

export interface ProviderCall {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/**
 * A sender's webhook API on loopback, as GitHub's or Microsoft Graph's: `POST /hooks` registers a
 * URL and answers its id and expiry, `PATCH /hooks/:id` renews, `DELETE /hooks/:id` removes. It
 * records every call; a subscribe whose events include "invalid" is refused with 422. Anything else
 * is answered 404 with the path it asked for, as many APIs answer (so a secret in a path comes back).
 */
export async function startFakeProvider({ lifetimeMs = 3_000 }: { lifetimeMs?: number } = {}) {
  const calls: ProviderCall[] = [];
  const hooks = new Map<string, { url: string }>();
  let next = 0;
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = text ? JSON.parse(text) : null;
      calls.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const answer = (status: number, payload?: unknown) => {
        res.writeHead(status, payload === undefined ? {} : { 'Content-Type': 'application/json' });
        res.end(payload === undefined ? undefined : JSON.stringify(payload));
      };
      const expiresAt = () => new Date(Date.now() + lifetimeMs).toISOString();
      const id = (req.url ?? '').split('/')[2];
      if (req.method === 'POST' && req.url === '/hooks') {
        if ((body?.events ?? []).includes('invalid')) {
          return answer(422, { error: 'unknown event "invalid"' });
        }
        const hookId = `wh_${++next}`;
        hooks.set(hookId, { url: body?.url });
        return answer(201, { id: hookId, expiresAt: expiresAt() });
      }
      if (req.method === 'PATCH' && id && hooks.has(id)) {
        return answer(200, { id, expiresAt: new Date(Date.now() + 60 * 60_000).toISOString() });
      }
      if (req.method === 'DELETE' && id && hooks.delete(id)) {
        return answer(204);
      }
      return answer(404, { error: 'no such hook', path: req.url });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    hooks,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
