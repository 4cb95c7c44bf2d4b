import PluginWorkflowServer from '@nocobase/plugin-workflow';
import http from 'http';
import type { AddressInfo } from 'net';
import { useTestApp } from './helpers/testApp';
import {
  basicAuth,
  createWebhookWorkflow,
  deliveriesToRun,
  executionsOf,
  postJson,
  waitForExecutions,
} from './helpers/workflows';
import { sleep } from './helpers/waitUntil';

describe('who may deliver, how, how much and how often', () => {
  const current = useTestApp();
  const call = (key: string, init: RequestInit & { query?: string } = {}) =>
    current().request(`/api/webhook:trigger/${key}${init.query ?? ''}`, init);

  it('accepts the listed methods only, says which in Allow, and tells the run which came', async () => {
    const workflow = await createWebhookWorkflow(current(), { config: { methods: ['GET', 'PUT', 'DELETE'] } });
    expect((await call(workflow.key, { method: 'GET', query: '?id=7' })).status).toBe(200);
    expect(
      (await call(workflow.key, { method: 'PUT', body: '{"id":8}', headers: { 'Content-Type': 'application/json' } }))
        .status,
    ).toBe(200);
    expect((await call(workflow.key, { method: 'DELETE', query: '?id=9' })).status).toBe(200);
    const refused = await call(workflow.key, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('GET, PUT, DELETE');
    expect((await refused.json()).error.message).toBe('Method POST is not allowed, use GET, PUT, DELETE');

    const runs = await waitForExecutions(current(), workflow.id, 3);
    expect(runs.map((run) => [run.context.method, run.context.query, run.context.body])).toEqual(
      expect.arrayContaining([
        ['GET', { id: '7' }, null],
        ['PUT', {}, { id: 8 }],
        ['DELETE', { id: '9' }, null],
      ]),
    );

    const defaults = await createWebhookWorkflow(current());
    const get = await call(defaults.key, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('checks a named header or a bearer token in constant time, 401 otherwise', async () => {
    const header = await createWebhookWorkflow(current(), {
      config: { auth: { type: 'header', name: 'X-Api-Key', value: 'k-1' } },
    });
    expect((await postJson(current(), header.key, {}, { headers: { 'X-Api-Key': 'k-1' } })).status).toBe(200);
    expect((await postJson(current(), header.key, {}, { headers: { 'X-Api-Key': 'k-2' } })).status).toBe(401);
    expect((await postJson(current(), header.key, {})).status).toBe(401);

    const bearer = await createWebhookWorkflow(current(), { config: { auth: { type: 'bearer', token: 'tok-1' } } });
    expect((await postJson(current(), bearer.key, {}, { headers: { Authorization: 'Bearer tok-1' } })).status).toBe(
      200,
    );
    const wrong = await postJson(current(), bearer.key, {}, { headers: { Authorization: basicAuth('tok', '1') } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);

    await waitForExecutions(current(), header.id, 1);
    await waitForExecutions(current(), bearer.id, 1);
    const stored = await deliveriesToRun(current(), [header.id, bearer.id]);
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored.map((row) => row.toJSON()))).not.toMatch(/k-1|tok-1/);
  });

  it('takes IPv4 and IPv6 callers from the allow-list only, and X-Forwarded-For only from a trusted proxy', async () => {
    const v6Server = http.createServer(current().app.callback());
    await new Promise<void>((resolve) => v6Server.listen(0, '::1', resolve));
    const v6 = (key: string) =>
      fetch(`http://[::1]:${(v6Server.address() as AddressInfo).port}/api/webhook:trigger/${key}`, {
        method: 'POST',
        body: '{}',
      });
    try {
      const loopback = await createWebhookWorkflow(current(), { config: { ipAllowlist: ['127.0.0.0/8', '::1'] } });
      const elsewhere = await createWebhookWorkflow(current(), {
        config: { ipAllowlist: ['203.0.113.0/24', '2001:db8::/32'] },
      });
      expect((await postJson(current(), loopback.key, {})).status).toBe(200);
      expect((await v6(loopback.key)).status).toBe(200);
      const refused = await postJson(current(), elsewhere.key, {});
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toBe('Requests from this address are not allowed');
      expect((await v6(elsewhere.key)).status).toBe(403);

      // A caller cannot claim an allowed address; a listed proxy can pass its caller's on.
      const claimed = { 'X-Forwarded-For': '203.0.113.9' };
      expect((await postJson(current(), elsewhere.key, {}, { headers: claimed })).status).toBe(403);
      process.env.WEBHOOK_TRUSTED_PROXIES = '127.0.0.1';
      expect((await postJson(current(), elsewhere.key, {}, { headers: claimed })).status).toBe(200);
      expect(
        (await postJson(current(), elsewhere.key, {}, { headers: { 'X-Forwarded-For': '198.51.100.1' } })).status,
      ).toBe(403);
      expect((await v6(elsewhere.key)).status).toBe(403);

      await waitForExecutions(current(), elsewhere.id, 1);
      const [row] = await deliveriesToRun(current(), elsewhere.id);
      expect(row.get('clientIp')).toBe('203.0.113.9');
    } finally {
      delete process.env.WEBHOOK_TRUSTED_PROXIES;
      await new Promise((resolve) => v6Server.close(resolve));
    }
  });

  it('answers CORS preflights for the listed origins and methods only, and marks answers to them', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { methods: ['POST', 'PUT'], cors: { origins: ['https://app.example.com'] } },
    });
    const preflight = (origin: string, method: string) =>
      call(workflow.key, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': 'content-type,x-token',
        },
      });
    const allowed = await preflight('https://app.example.com', 'PUT');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('POST, PUT');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type,x-token');

    const otherOrigin = await preflight('https://evil.example', 'PUT');
    expect(otherOrigin.status).toBe(403);
    expect(otherOrigin.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('https://app.example.com', 'DELETE')).status).toBe(403);

    const put = await call(workflow.key, { method: 'PUT', body: '{}', headers: { Origin: 'https://app.example.com' } });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(put.headers.get('vary')).toContain('Origin');
    const foreign = await call(workflow.key, {
      method: 'PUT',
      body: '{}',
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const noCors = await createWebhookWorkflow(current());
    expect((await call(noCors.key, { method: 'OPTIONS', headers: { Origin: 'https://app.example.com' } })).status).toBe(
      405,
    );
  });

  it('answers 429 with Retry-After beyond the rate limit, and takes deliveries again in the next window', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { limits: { rateLimit: { requests: 3, per: 2 } } },
    });
    // Start at the beginning of a window, so that the four requests fall into one.
    await sleep(2000 - (Date.now() % 2000) + 20);
    const answers = [];
    for (let index = 0; index < 4; index += 1) {
      answers.push(await postJson(current(), workflow.key, { index }));
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    const retryAfter = Number(answers[3].headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect((await answers[3].json()).error.message).toBe('Rate limit of 3 requests per 2 s exceeded');

    await sleep(retryAfter * 1000);
    expect((await postJson(current(), workflow.key, { index: 4 })).status).toBe(200);
    const runs = await waitForExecutions(current(), workflow.id, 4);
    expect(runs.map((run) => (run.context.body as { index: number }).index).sort()).toEqual([0, 1, 2, 4]);
  });

  /** A POST from the given loopback address: two senders on one machine, as two hosts would be. */
  function postFrom(localAddress: string, key: string, token: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const request = http.request(`${current().baseUrl}/api/webhook:trigger/${key}`, {
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end('{}');
    });
  }

  it('counts only authenticated requests against the rate limit; refused ones per address, apart', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: {
        auth: { type: 'bearer', token: 'right-token' },
        limits: { rateLimit: { requests: 2, per: 60 }, refusedRateLimit: { requests: 3, per: 60 } },
      },
    });
    // Not near the end of a 60-s window, so that every request below falls into one.
    if (Date.now() % 60_000 > 55_000) {
      await sleep(60_000 - (Date.now() % 60_000) + 20);
    }
    const attacker = [];
    for (let index = 0; index < 4; index += 1) {
      attacker.push(await postFrom('127.0.0.2', workflow.key, 'wrong-token'));
    }
    expect(attacker).toEqual([401, 401, 401, 429]);
    const sender = [];
    for (let index = 0; index < 3; index += 1) {
      sender.push(await postFrom('127.0.0.1', workflow.key, 'right-token'));
    }
    expect(sender).toEqual([200, 200, 429]);
    // The locked-out address stays locked out even with the right token; the sender's own does not.
    expect(await postFrom('127.0.0.2', workflow.key, 'right-token')).toBe(429);
    expect(await postFrom('127.0.0.1', workflow.key, 'wrong-token')).toBe(401);
    await waitForExecutions(current(), workflow.id, 2);
  });

  it('limits the body per workflow (default 1 MiB) with a 413 that names the limit', async () => {
    const small = await createWebhookWorkflow(current(), { config: { limits: { maxBodySize: '2kb' } } });
    const large = await createWebhookWorkflow(current(), { config: { limits: { maxBodySize: 3 * 1024 * 1024 } } });
    const defaults = await createWebhookWorkflow(current());

    const tooBig = await postJson(current(), small.key, { blob: 'x'.repeat(3000) });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.message).toBe('Request body is larger than the limit of 2KB (2048 bytes)');
    expect((await postJson(current(), small.key, { blob: 'x'.repeat(1000) })).status).toBe(200);

    const twoMegabytes = { blob: 'x'.repeat(2 * 1024 * 1024) };
    expect((await postJson(current(), defaults.key, twoMegabytes)).status).toBe(413);
    expect((await postJson(current(), large.key, twoMegabytes)).status).toBe(200);

    await waitForExecutions(current(), large.id, 1);
    expect(await executionsOf(current(), defaults.id)).toHaveLength(0);
    expect(await executionsOf(current(), small.id)).toHaveLength(1);
  });

  it('keeps name, type and size of uploaded files when the file manager is not enabled', async () => {
    const workflow = await createWebhookWorkflow(current());
    const boundary = 'x-boundary';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="device"\r\n\r\nsensor-4\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="reading"; filename="reading.csv"\r\nContent-Type: text/csv\r\n\r\nt,v\n1,20.5\n\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const answer = await call(workflow.key, {
      method: 'POST',
      body,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(answer.status).toBe(200);
    const [run] = await waitForExecutions(current(), workflow.id, 1);
    expect(run.context).toMatchObject({
      body: { device: 'sensor-4' },
      files: [{ field: 'reading', filename: 'reading.csv', mimeType: 'text/csv', size: 11 }],
    });
    expect(run.context.files?.[0]).not.toHaveProperty('attachmentId');
  });

  it('refuses to save allow-list entries and origins that would never match', () => {
    const trigger = (current().app.pm.get(PluginWorkflowServer) as PluginWorkflowServer).triggers.get('webhook')!;
    expect(trigger.validateConfig!({ ipAllowlist: ['10.0.0.0/'] })).toBeTruthy();
    expect(trigger.validateConfig!({ ipAllowlist: ['example.com'] })).toBeTruthy();
    expect(trigger.validateConfig!({ cors: { origins: ['app.example.com/path'] } })).toBeTruthy();
    expect(trigger.validateConfig!({ limits: { maxBodySize: 'lots' } })).toBeTruthy();
    expect(
      trigger.validateConfig!({
        ipAllowlist: ['10.0.0.0/8', '2001:db8::/32', '198.51.100.7'],
        cors: { origins: ['https://app.example.com', '*'] },
        limits: { maxBodySize: '2mb', rateLimit: { requests: null, per: null } },
      }),
    ).toBeFalsy();
  });
});
