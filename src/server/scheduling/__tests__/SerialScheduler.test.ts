import type { EngineActivity } from '../../host/engine';
import { SerialScheduler } from '../SerialScheduler';
import { streamFor } from './streamFor';

/** An engine that is never busy and counts the queue holds it is asked for. */
function idleEngine(): EngineActivity & { holds: number } {
  const engine = {
    holds: 0,
    quiet: async () => undefined,
    async holdQueueWhile<T>(run: () => Promise<T>) {
      engine.holds += 1;
      try {
        return await run();
      } finally {
        engine.holds -= 1;
      }
    },
  };
  return engine;
}

const quietLog = { debug: () => 0, info: () => 0, warn: () => 0, error: () => 0 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('SerialScheduler', () => {
  it('runs one task at a time, synchronous deliveries before queued asynchronous ones', async () => {
    const scheduler = new SerialScheduler(idleEngine(), quietLog);
    const order: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const work = (name: string) => async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      order.push(name);
      await tick();
      running -= 1;
      return name;
    };

    scheduler.startAsync(work('async-1'));
    scheduler.startAsync(work('async-2'));
    const sync = scheduler.runSync(work('sync-1'));
    expect(await sync).toBe('sync-1');
    await scheduler.drain();

    // The async deliveries had just arrived, so their runs waited, and the sync one went first.
    expect(order).toEqual(['sync-1', 'async-1', 'async-2']);
    expect(maxRunning).toBe(1);
    expect(scheduler.pending).toBe(0);
  });

  it('waits for the engine to be quiet, and holds its queue while a synchronous run goes on', async () => {
    let finishEngineWork: () => void = () => undefined;
    const engineWork = new Promise<void>((resolve) => (finishEngineWork = resolve));
    const counted = idleEngine();
    const engine = { ...counted, quiet: () => engineWork };
    let holdsDuringRun = 0;
    const scheduler = new SerialScheduler(engine, quietLog);
    let started = false;
    const result = scheduler.runSync(async () => {
      started = true;
      await tick();
      holdsDuringRun = counted.holds;
      return 42;
    });
    await tick();
    expect(started).toBe(false);

    finishEngineWork();
    expect(await result).toBe(42);
    expect(holdsDuringRun).toBe(1);
    expect(counted.holds).toBe(0);
  });

  it('passes a failing run back to its caller and keeps going', async () => {
    const scheduler = new SerialScheduler(idleEngine(), quietLog);
    await expect(scheduler.runSync(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(scheduler.runSync(async () => 'next')).resolves.toBe('next');
  });

  it('gives waiting async deliveries a turn under steady synchronous load', async () => {
    const scheduler = new SerialScheduler(idleEngine(), quietLog);
    const order: string[] = [];
    let keepSending = true;
    // A sender that always has another sync delivery waiting.
    const sendSync = (n: number): Promise<void> =>
      scheduler
        .runSync(async () => {
          order.push(`sync-${n}`);
          await tick();
        })
        .then(() => (keepSending && n < 40 ? sendSync(n + 2) : undefined));
    const senders = [sendSync(0), sendSync(1)];
    await tick();
    scheduler.startAsync(async () => {
      order.push('async');
    });
    await Promise.all(senders);
    keepSending = false;
    await scheduler.drain();

    const asyncAt = order.indexOf('async');
    expect(asyncAt).toBeGreaterThan(0);
    // It ran while sync deliveries were still arriving, not after all of them.
    expect(asyncAt).toBeLessThan(order.length - 10);
  });

  it('starts async runs once deliveries stop arriving, and during a steady stream after the longest hold', async () => {
    const scheduler = new SerialScheduler(idleEngine(), quietLog, { pauseMs: 100, maxHoldMs: 400 });
    const startedAt: number[] = [];
    let arrived = 0;
    const arrive = () => {
      arrived += 1;
      scheduler.startAsync(() => startedAt.push(Date.now()));
    };

    // A burst: one delivery every 5 ms for 100 ms. No run starts before it is over.
    await streamFor(100, arrive);
    const burstEnd = Date.now();
    await scheduler.drain();
    expect(startedAt).toHaveLength(arrived);
    expect(Math.min(...startedAt)).toBeGreaterThanOrEqual(burstEnd);

    // A stream longer than the longest hold: runs start while it still goes on.
    startedAt.length = 0;
    arrived = 0;
    await streamFor(1_500, arrive);
    const streamEnd = Date.now();
    await scheduler.drain();
    expect(startedAt).toHaveLength(arrived);
    expect(Math.min(...startedAt)).toBeLessThan(streamEnd - 500);
  });
});
