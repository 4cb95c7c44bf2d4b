import { EXECUTION_STATUS } from '@nocobase/plugin-workflow';
import WebhookTrigger from '../../WebhookTrigger';
import { attemptEventKey, retryableOutcomeOf, retryDelayMs, retryPolicyOf, withAttempt } from '../retryPolicy';

describe('the retry policy', () => {
  it('is off unless a delivery gets more than one run', () => {
    expect(retryPolicyOf({})).toBeNull();
    expect(retryPolicyOf({ retry: null })).toBeNull();
    expect(retryPolicyOf({ retry: { attempts: 1 } })).toBeNull();
    expect(retryPolicyOf({ retry: { attempts: 3 } })).toEqual({
      attempts: 3,
      delayMs: 30_000,
      backoff: 'exponential',
      maxDelayMs: 3_600_000,
      on: ['failed', 'error'],
    });
  });

  it('doubles the wait, caps it, and spreads it by at most a fifth either way', () => {
    const policy = retryPolicyOf({ retry: { attempts: 10, delay: 30, maxDelay: 100 } })!;
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((failed) => retryDelayMs(policy, failed, middle))).toEqual([
      30_000, 60_000, 100_000, 100_000,
    ]);
    expect(retryDelayMs(policy, 1, () => 0)).toBe(24_000);
    expect(retryDelayMs(policy, 1, () => 1)).toBe(36_000);
    // Never past the cap, whatever the jitter.
    expect(retryDelayMs(policy, 3, () => 1)).toBe(100_000);
    const fixed = retryPolicyOf({ retry: { attempts: 10, delay: 5, backoff: 'fixed' } })!;
    expect([1, 2, 5].map((failed) => retryDelayMs(fixed, failed, middle))).toEqual([5000, 5000, 5000]);
  });

  it('follows failed, error and aborted runs, never rejected or canceled ones', () => {
    expect(retryableOutcomeOf(EXECUTION_STATUS.FAILED)).toBe('failed');
    expect(retryableOutcomeOf(EXECUTION_STATUS.ERROR)).toBe('error');
    expect(retryableOutcomeOf(EXECUTION_STATUS.ABORTED)).toBe('aborted');
    expect(retryableOutcomeOf(EXECUTION_STATUS.REJECTED)).toBeNull();
    expect(retryableOutcomeOf(EXECUTION_STATUS.CANCELED)).toBeNull();
    expect(retryableOutcomeOf(EXECUTION_STATUS.RESOLVED)).toBeNull();
  });

  it('gives each attempt its own event key, derived from the first', () => {
    expect(attemptEventKey('webhook:abc', 1)).toBe('webhook:abc');
    expect(attemptEventKey('webhook:abc', 2)).toBe('webhook:abc#2');
    expect(attemptEventKey('webhook:abc#2', 3)).toBe('webhook:abc#3');
  });

  it('tells only the runs of workflows that retry which attempt they are', () => {
    const context = { method: 'POST', headers: {}, query: {}, body: null };
    expect(withAttempt({ retry: { attempts: 2 } }, context, 2)).toEqual({ ...context, attempt: 2 });
    expect(withAttempt({}, context, 1)).toBe(context);
  });
});

describe('the retry and alert settings', () => {
  const trigger = new WebhookTrigger({} as never, {} as never);
  const validate = (config: Record<string, unknown>) => trigger.validateConfig!(config);

  it('accepts what the form writes and refuses what cannot work', () => {
    expect(
      validate({ retry: { attempts: 5, delay: 30, backoff: 'exponential', maxDelay: 3600, on: ['failed', 'error'] } }),
    ).toBeFalsy();
    expect(validate({ retry: { attempts: 3 } })).toBeFalsy();
    expect(validate({ retry: null })).toBeFalsy();
    expect(validate({ retry: { attempts: 0 } })).toBeTruthy();
    expect(validate({ retry: { attempts: 21 } })).toBeTruthy();
    expect(validate({ retry: { attempts: 2.5 } })).toBeTruthy();
    expect(validate({ retry: { delay: 0.5 } })).toBeTruthy();
    expect(validate({ retry: { backoff: 'linear' } })).toBeTruthy();
    expect(validate({ retry: { delay: 60, maxDelay: 30 } })).toBeTruthy();
    expect(validate({ retry: { on: ['rejected'] } })).toBeTruthy();
    expect(validate({ retry: { on: ['canceled'] } })).toBeTruthy();
  });

  it('checks the shape of the alerts', () => {
    expect(
      validate({
        alerts: {
          users: [1, '2'],
          roles: ['admin'],
          channels: ['in-app'],
          onGiveUp: true,
          failures: { count: 5, minutes: 10 },
        },
      }),
    ).toBeFalsy();
    expect(validate({ alerts: null })).toBeFalsy();
    expect(validate({ alerts: { roles: [1] } })).toBeTruthy();
    expect(validate({ alerts: { failures: { count: 0, minutes: 10 } } })).toBeTruthy();
    expect(validate({ alerts: { failures: { count: 1, minutes: 0 } } })).toBeTruthy();
    expect(validate({ alerts: { onGiveUp: 'yes please' } })).toBeTruthy();
  });
});
