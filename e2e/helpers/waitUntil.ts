import { sleep, waitUntil as poll } from '../../src/server/__tests__/helpers/waitUntil';

export { sleep };

/** playwright-core has no auto-retrying assertions: the browser tests poll like the server tests, 15 s at most by default. */
export function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  return poll(check, what, timeoutMs);
}
