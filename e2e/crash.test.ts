import fs from 'fs';
import path from 'path';
import sqlite3 from 'sqlite3';
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
});
