import { EXECUTION_STATUS } from '@nocobase/plugin-workflow';
import type { RetryableOutcome, RetryConfig, WebhookContext } from '../../common/types';

/** `config.retry` with its defaults filled in, for a workflow that retries. */
export interface RetryPolicy {
  attempts: number;
  delayMs: number;
  backoff: 'exponential' | 'fixed';
  maxDelayMs: number;
  on: readonly RetryableOutcome[];
}

const DEFAULTS = { delay: 30, maxDelay: 3600, on: ['failed', 'error'] as RetryableOutcome[] };
/** The wait is spread by this much either way, so deliveries that failed together do not retry together. */
const JITTER = 0.2;

function positive(value: unknown, fallback: number) {
  const number = Number(value);
  return value != null && Number.isFinite(number) && number > 0 ? number : fallback;
}

/** Null unless the workflow gives a delivery more than one run. */
export function retryPolicyOf(config: { retry?: RetryConfig | null } | null | undefined): RetryPolicy | null {
  const retry = config?.retry;
  const attempts = Math.floor(Number(retry?.attempts));
  if (!retry || !Number.isFinite(attempts) || attempts <= 1) {
    return null;
  }
  const delay = Math.max(1, positive(retry.delay, DEFAULTS.delay));
  return {
    attempts,
    delayMs: delay * 1000,
    backoff: retry.backoff === 'fixed' ? 'fixed' : 'exponential',
    maxDelayMs: Math.max(delay, positive(retry.maxDelay, DEFAULTS.maxDelay)) * 1000,
    on: retry.on?.length ? retry.on : DEFAULTS.on,
  };
}

/**
 * The outcome an ended execution's status stands for, when a retry may follow it. Rejected and
 * canceled runs were stopped on purpose (a condition, a person) and are never retried.
 */
export function retryableOutcomeOf(status: number | null | undefined): RetryableOutcome | null {
  switch (status == null ? null : Number(status)) {
    case EXECUTION_STATUS.FAILED:
      return 'failed';
    case EXECUTION_STATUS.ERROR:
      return 'error';
    case EXECUTION_STATUS.ABORTED:
      return 'aborted';
    default:
      return null;
  }
}

/** How long after attempt `failed` ended the next one starts: doubling (or fixed), capped, jittered. */
export function retryDelayMs(policy: RetryPolicy, failed: number, random: () => number = Math.random): number {
  const factor = policy.backoff === 'fixed' ? 1 : 2 ** Math.max(0, failed - 1);
  const base = Math.min(policy.delayMs * factor, policy.maxDelayMs);
  const jitter = 1 - JITTER + 2 * JITTER * random();
  return Math.round(Math.min(base * jitter, policy.maxDelayMs));
}

/** Attempt `n`'s engine event key: the first attempt's key, then `<first key>#<n>`, unique per attempt. */
export function attemptEventKey(eventKey: string, attempt: number): string {
  const first = eventKey.replace(/#\d+$/, '');
  return attempt <= 1 ? first : `${first}#${attempt}`;
}

/** A run of a workflow that retries sees which attempt it is as `$context.attempt`; others are unchanged. */
export function withAttempt(
  config: { retry?: RetryConfig | null } | null | undefined,
  context: WebhookContext,
  attempt: number,
): WebhookContext {
  return retryPolicyOf(config) ? { ...context, attempt } : context;
}
