import { sleep } from '../../__tests__/helpers/waitUntil';

/** Calls `arrive` every 5 ms for `ms` milliseconds; resolves with when the last call was made. */
export async function streamFor(ms: number, arrive: () => void): Promise<number> {
  const start = Date.now();
  let last = start;
  while (Date.now() - start < ms) {
    arrive();
    last = Date.now();
    await sleep(5);
  }
  return last;
}
