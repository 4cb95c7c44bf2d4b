import { LockManager } from '@nocobase/lock-manager';
import { PeriodicSweep } from '../PeriodicSweep';

function recordingLog() {
  const lines: Array<{ level: string; message: string; error: unknown }> = [];
  const at = (level: string) => (message: string, meta?: object) =>
    lines.push({ level, message, error: (meta as { error?: unknown } | undefined)?.error });
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

/** Lets the promises a run started settle, the fake clock standing still. */
const settle = () => jest.advanceTimersByTimeAsync(0);

describe('PeriodicSweep', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs every interval from start to stop, and first only when asked', async () => {
    const { logger } = recordingLog();
    const runs: string[] = [];
    const sweep = new PeriodicSweep({ everyMs: 1000, run: () => runs.push('tick'), logger, failure: 'failed' });
    sweep.start({ first: () => runs.push('first') });
    await settle();
    expect(runs).toEqual(['first']);
    await jest.advanceTimersByTimeAsync(3000);
    expect(runs).toEqual(['first', 'tick', 'tick', 'tick']);
    sweep.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(4);
  });

  it('skips a tick while the last run is still going, and idle waits for it', async () => {
    const { logger } = recordingLog();
    let release: () => void = () => undefined;
    let started = 0;
    const sweep = new PeriodicSweep({
      everyMs: 100,
      run: () => {
        started += 1;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      logger,
      failure: 'failed',
    });
    sweep.start();
    await jest.advanceTimersByTimeAsync(450);
    expect(started).toBe(1);
    sweep.stop();
    let idle = false;
    void sweep.idle().then(() => {
      idle = true;
    });
    await settle();
    expect(idle).toBe(false);
    release();
    await settle();
    expect(idle).toBe(true);
  });

  it('logs a failed run at its level and tries again at the next tick', async () => {
    const { lines, logger } = recordingLog();
    const failure = new Error('database gone');
    let calls = 0;
    const sweep = new PeriodicSweep({
      everyMs: 100,
      run: async () => {
        calls += 1;
        throw failure;
      },
      logger,
      failure: '[webhook] reading workflows failed',
      level: 'error',
    });
    sweep.start();
    await jest.advanceTimersByTimeAsync(200);
    sweep.stop();
    expect(calls).toBe(2);
    expect(lines).toEqual([
      { level: 'error', message: '[webhook] reading workflows failed', error: failure },
      { level: 'error', message: '[webhook] reading workflows failed', error: failure },
    ]);
  });

  it('with a lock, skips the run while another holder has it', async () => {
    jest.useRealTimers();
    const { lines, logger } = recordingLog();
    const lockManager = new LockManager();
    let runs = 0;
    const sweep = new PeriodicSweep({
      everyMs: 60_000,
      run: async () => {
        runs += 1;
      },
      logger,
      failure: 'failed',
      lock: { lockManager, key: 'test:sweep', ttlMs: 10_000 },
    });
    let release: () => void = () => undefined;
    const holding = () => new Promise<void>((resolve) => (release = resolve));
    const held = lockManager.runExclusive('test:sweep', holding, 10_000);
    await sweep.runOnce();
    expect(runs).toBe(0);
    release();
    await held;
    await sweep.runOnce();
    expect(runs).toBe(1);
    expect(lines).toEqual([]);
    await lockManager.close();
  });
});
