import http from 'http';
import { AddressInfo } from 'net';

/**
 * A service a workflow's HTTP request node calls: it fails the first `failures` calls for each
 * delivery number (`{"n": …}` in the body) with 500, then answers 200, counting every call.
 */
export async function flakyService(failures: number) {
  const calls = new Map<string, number>();
  const server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const { n } = JSON.parse(text || '{}') as { n?: number };
      const seen = (calls.get(String(n)) ?? 0) + 1;
      calls.set(String(n), seen);
      response.statusCode = seen <= failures ? 500 : 200;
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
