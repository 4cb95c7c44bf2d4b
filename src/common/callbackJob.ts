import type { CallbackNodeConfig, CallbackResult, WebhookMethod } from './types';

/** `JOB_STATUS.PENDING` of the workflow plugin: the run waits at the node. */
const JOB_PENDING = 0;

/** The part of a `jobs` record the execution canvas attaches to a node. */
export interface JobLike {
  id: number | string;
  status?: number | null;
  result?: unknown;
}

/**
 * The URL a run is waiting at while the node's latest job is pending; null once the callback came,
 * the wait timed out, or the node has not run. Execution pages load jobs without their results, so
 * the URL is also read where the run keeps it: `context.callbackUrls.<node key>`.
 */
export function waitingCallbackUrl(
  jobs: readonly JobLike[] | null | undefined,
  context?: { callbackUrls?: Record<string, unknown> } | null,
  nodeKey?: string,
): string | null {
  const latest = [...(jobs ?? [])].sort((a, b) => Number(a.id) - Number(b.id)).pop();
  if (!latest || latest.status !== JOB_PENDING) {
    return null;
  }
  const fromJob = (latest.result as Partial<CallbackResult> | null | undefined)?.callbackUrl;
  const url = fromJob ?? (nodeKey ? context?.callbackUrls?.[nodeKey] : undefined);
  return typeof url === 'string' && url ? url : null;
}

/**
 * Callback URLs are paths unless the server knows its public origin (`WEBHOOK_PUBLIC_URL`); a
 * designer copying one needs it whole, so a path is put after the page's origin.
 */
export function absoluteUrl(origin: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    return url;
  }
  return new URL(url, origin.endsWith('/') ? origin : `${origin}/`).toString();
}

/** The node's settings as the server applies them, defaults filled in, for its card. */
export function callbackSummary(config: CallbackNodeConfig | null | undefined): {
  methods: WebhookMethod[];
  timeout: number | null;
  onTimeout: 'continue' | 'fail';
} {
  const methods: WebhookMethod[] = Array.isArray(config?.methods) && config.methods.length ? config.methods : ['POST'];
  const timeout = typeof config?.timeout === 'number' && config.timeout > 0 ? config.timeout : null;
  return { methods, timeout, onTimeout: config?.onTimeout === 'continue' ? 'continue' : 'fail' };
}

const UNITS: Array<[string, number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/** A wait in its two largest units, zeros left out: `1 h`, `1 d 12 h`, `1 m 30 s`. */
export function formatWait(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  const counts = UNITS.map(([unit, size]) => {
    const count = Math.floor(rest / size);
    rest -= count * size;
    return { unit, count };
  });
  const first = counts.findIndex(({ count }) => count > 0);
  if (first < 0) {
    return '0 s';
  }
  return counts
    .slice(first, first + 2)
    .filter(({ count }) => count > 0)
    .map(({ unit, count }) => `${count} ${unit}`)
    .join(' ');
}
