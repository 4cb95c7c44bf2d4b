import fs from 'fs';
import path from 'path';
import sqlite3 from 'sqlite3';
import { flakyService } from './helpers/flakyService';
import { FlowApi } from './helpers/flowApi';
import { RunningApp, startRunningApp } from './helpers/runningApp';
import { sleep, waitUntil } from './helpers/waitUntil';

const ROOT = path.resolve(__dirname, '..');
const BURST = 200;
const SENDERS = 20;

interface Burst {
  /** Delivery numbers whose sender got a 2xx answer. */
  answered: number[];
  sent: number;
}

/**
 * Posts `BURST` async deliveries, `SENDERS` at a time as busy senders do; once `killAfter` have been
 * answered, the app gets SIGKILL while the next ones are still in flight.
 */
async function burstThenKill(
  app: RunningApp,
  key: string,
  first: number,
  killAfter: number | 'all',
  signal: 'SIGKILL' | 'SIGTERM',
): Promise<Burst> {
  const answered: number[] = [];
  let killing: Promise<void> | null = null;
  let next = first;
  const sender = async () => {
    while (next < first + BURST && !killing) {
      const n = next++;
      try {
        const response = await fetch(`${app.baseUrl}/api/webhook:trigger/${key}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ n }),
        });
        if (response.status >= 200 && response.status < 300) {
          answered.push(n);
          if (killAfter !== 'all' && answered.length === killAfter) {
            killing = app.kill(signal);
          }
        }
      } catch {
        // Cut off by the kill: never acknowledged, so the sender would retry.
      }
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  await (killing ?? app.kill(signal));
  return { answered, sent: next - first };
}

function executionCountsByDelivery(dbFile: string, workflowId: number): Promise<Map<number, number>> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY);
    db.all(
      `SELECT json_extract(context, '$.body.n') AS n, COUNT(*) AS runs FROM executions WHERE workflowId = ? GROUP BY n`,
      [workflowId],
      (error, rows: Array<{ n: number; runs: number }>) => {
        db.close();
        if (error) reject(error);
        else resolve(new Map(rows.map((row) => [row.n, row.runs])));
      },
    );
  });
}

/** Executions of a workflow per attempt number (`$context.attempt`), read from the SQLite file. */
function executionCountsByAttempt(dbFile: string, workflowId: number): Promise<Map<number, number>> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY);
    db.all(
      `SELECT json_extract(context, '$.attempt') AS attempt, COUNT(*) AS runs FROM executions WHERE workflowId = ? GROUP BY attempt`,
      [workflowId],
      (error, rows: Array<{ attempt: number; runs: number }>) => {
        db.close();
        if (error) reject(error);
        else resolve(new Map(rows.map((row) => [row.attempt, row.runs])));
      },
    );
  });
}

describe('a crash never loses an acknowledged delivery', () => {
  const storage = fs.mkdtempSync(path.join(ROOT, 'storage', 'e2e-crash-'));
  let app: RunningApp;

  afterAll(async () => {
    await app?.stop();
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('SIGKILL at three moments of a burst and SIGTERM in one, restart: every 2xx delivery has exactly one execution', async () => {
    app = await startRunningApp({ storage });
    const token = await app.signIn();
    const { data: workflow } = await app.api<{ data: { id: number; key: string } }>('workflows:create', {
      token,
      body: { title: 'crash test', type: 'webhook', sync: false, enabled: true, config: {} },
    });

    const bursts: Array<Burst & { moment: string }> = [];
    const moments: Array<[string, number | 'all', 'SIGKILL' | 'SIGTERM']> = [
      ['SIGKILL after 20 answers', 20, 'SIGKILL'],
      ['SIGKILL after 120 answers', 120, 'SIGKILL'],
      ['SIGKILL right after the last answer', 'all', 'SIGKILL'],
      // A deploy or container stop: the app stops taking deliveries (503) and ends its runs or
      // leaves them stored, while senders keep posting.
      ['SIGTERM after 60 answers', 60, 'SIGTERM'],
    ];
    for (const [index, [moment, killAfter, signal]] of moments.entries()) {
      if (index > 0) {
        app = await startRunningApp({ storage });
      }
      bursts.push({ moment, ...(await burstThenKill(app, workflow.key, index * BURST, killAfter, signal)) });
    }

    app = await startRunningApp({ storage });
    const answered = bursts.flatMap((burst) => burst.answered);
    const listToken = await app.signIn();
    await waitUntil(
      async () => {
        const page = await app.api<{ meta: { count: number } }>(
          `executions:list?pageSize=1&filter=${encodeURIComponent(JSON.stringify({ workflowId: workflow.id }))}`,
          { token: listToken },
        );
        return page.meta.count >= answered.length;
      },
      'an execution for every answered delivery',
      180_000,
    );
    await sleep(3000);
    await app.stop();

    const runs = await executionCountsByDelivery(path.join(storage, 'db', 'nocobase.sqlite'), workflow.id);
    for (const burst of bursts) {
      const executions = burst.answered.filter((n) => runs.has(n)).length;
      console.log(
        `[crash] ${burst.moment}: sent ${burst.sent}, answered 2xx ${burst.answered.length}, ` +
          `their executions after restart ${executions}`,
      );
    }
    expect(answered.filter((n) => runs.get(n) !== 1)).toEqual([]);
    expect([...runs.values()].filter((count) => count > 1)).toEqual([]);
    expect(bursts[0].answered.length).toBeGreaterThanOrEqual(20);
  });
  it('SIGKILL while a failed delivery waits for its retry: after the restart the next attempt runs once', async () => {
    const retryStorage = fs.mkdtempSync(path.join(ROOT, 'storage', 'e2e-crash-retry-'));
    const service = await flakyService(1);
    const env = { WEBHOOK_INBOX_SWEEP_MS: '500' };
    try {
      app = await startRunningApp({ storage: retryStorage, env });
      const flows = new FlowApi(app, await app.signIn());
      const workflow = await flows.createWorkflow({
        title: 'retry across a crash',
        type: 'webhook',
        config: { retry: { attempts: 3, delay: 4, backoff: 'fixed' } },
      });
      await flows.createNode(workflow.id, {
        type: 'request',
        title: 'flaky CRM',
        config: { url: service.url, method: 'POST', data: { n: '{{$context.body.n}}' }, timeout: 5000 },
      });
      await flows.enable(workflow.id);
      const delivered = await fetch(`${app.baseUrl}/api/webhook:trigger/${workflow.key}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ n: 1 }),
      });
      expect(delivered.status).toBe(200);
      const filter = encodeURIComponent(JSON.stringify({ workflowId: workflow.id }));
      await waitUntil(async () => {
        const { data } = await app.api<{ data: Array<{ state: string }> }>(`webhookDeliveries:list?filter=${filter}`, {
          token: flows.token,
        });
        return data[0]?.state === 'retrying';
      }, 'the failed delivery waiting for its retry');
      await app.kill('SIGKILL');

      app = await startRunningApp({ storage: retryStorage, env });
      await waitUntil(() => service.calls.get('1') === 2, 'the second attempt reaching the service', 60_000);
      // An attempt started twice would call the service again and leave a second execution.
      await sleep(3000);
      await app.stop();
      const runs = await executionCountsByAttempt(path.join(retryStorage, 'db', 'nocobase.sqlite'), workflow.id);
      console.log(`[crash] retry across SIGKILL: executions by attempt ${JSON.stringify([...runs])}`);
      expect([...runs]).toEqual([
        [1, 1],
        [2, 1],
      ]);
      expect(service.calls.get('1')).toBe(2);
    } finally {
      await service.close();
      fs.rmSync(retryStorage, { recursive: true, force: true });
    }
  }, 240_000);
});
