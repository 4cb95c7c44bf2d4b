import { ArrivalHold } from '../ArrivalHold';
import { ConcurrentScheduler } from '../RunScheduler';
import { sleep } from '../../__tests__/helpers/waitUntil';
import { streamFor } from './streamFor';

const quietLog = { debug: () => 0, info: () => 0, warn: () => 0, error: () => 0 };

describe('ArrivalHold', () => {
  it('releases a burst together once arrivals pause, and a steady stream after the longest hold', async () => {
    const releases: Array<{ at: number; size: number }> = [];
    const hold = new ArrivalHold((starts) => releases.push({ at: Date.now(), size: starts.length }), {
      pauseMs: 60,
      maxHoldMs: 300,
    });
    let arrived = 0;
    const burstEnd = await streamFor(100, () => {
      arrived += 1;
      hold.add(() => undefined);
    });
    expect(releases).toEqual([]);
    expect(hold.size).toBe(arrived);
    await sleep(120);
    // One release, after the last arrival plus the pause, with every delivery of the burst.
    expect(releases).toHaveLength(1);
    expect(releases[0].size).toBe(arrived);
    expect(releases[0].at - burstEnd).toBeGreaterThanOrEqual(55);
    expect(hold.size).toBe(0);

    releases.length = 0;
    const streamStart = Date.now();
    const streamEnd = await streamFor(1_000, () => hold.add(() => undefined));
    // Never a pause of 60 ms, yet released every 300 ms or so while the stream went on.
    const during = releases.filter((release) => release.at <= streamEnd);
    expect(during.length).toBeGreaterThanOrEqual(2);
    expect(during[0].at - streamStart).toBeGreaterThanOrEqual(290);
    expect(during[0].at - streamStart).toBeLessThan(600);
  });

  it('keeps runs in step with a stream the endpoint is not busy with, and holds them while it is', async () => {
    let busy = false;
    const releases: number[] = [];
    const hold = new ArrivalHold((starts) => releases.push(starts.length), {
      pauseMs: 60,
      maxHoldMs: 1_000,
      busy: () => busy,
    });
    // One delivery every 5 ms never leaves a 60-ms pause; not busy, held starts go at each check.
    await streamFor(300, () => hold.add(() => undefined));
    expect(releases.length).toBeGreaterThanOrEqual(3);

    releases.length = 0;
    busy = true;
    await streamFor(300, () => hold.add(() => undefined));
    expect(releases).toEqual([]);
    hold.flush();
  });

  it('releases everything at once when flushed, and nothing twice', () => {
    const released: number[][] = [];
    const hold = new ArrivalHold((starts) => released.push(starts.map((start) => start() as number)));
    hold.add(() => 1);
    hold.add(() => 2);
    hold.flush();
    hold.flush();
    expect(released).toEqual([[1, 2]]);
    expect(hold.size).toBe(0);
  });
});

describe('ConcurrentScheduler', () => {
  it('starts sync runs at once and async ones after a pause in arrivals', async () => {
    const scheduler = new ConcurrentScheduler(quietLog, { pauseMs: 50, maxHoldMs: 1_000 });
    const started: string[] = [];
    scheduler.startAsync(() => started.push('async-1'));
    scheduler.startAsync(() => started.push('async-2'));
    await scheduler.runSync(async () => started.push('sync'));
    await sleep(10);
    expect(started).toEqual(['sync']);
    expect(scheduler.pending).toBe(2);
    await sleep(80);
    expect(started).toEqual(['sync', 'async-1', 'async-2']);
    expect(scheduler.pending).toBe(0);
  });

  it('hands held deliveries over when drained (the app is stopping)', async () => {
    const scheduler = new ConcurrentScheduler(quietLog);
    const started: string[] = [];
    scheduler.startAsync(() => started.push('async'));
    await scheduler.drain();
    expect(started).toEqual(['async']);
  });
});
