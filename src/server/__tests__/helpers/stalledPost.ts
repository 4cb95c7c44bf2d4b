import http from 'http';

/**
 * A POST that announces 100 bytes, sends 10 and then nothing more, as a stalled or hostile sender
 * does. Resolves with the status the app answers and how long that took.
 */
export function stalledPost(baseUrl: string, pathname: string): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}${pathname}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '100' },
    });
    request.on('response', (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, ms: Date.now() - started });
      request.destroy();
    });
    request.on('error', reject);
    request.write('{"a":"1234');
  });
}
