import type { Counter } from '@nocobase/cache';
import type { RateLimitConfig } from '../../../common/types';
import { clientAddressOf } from '../parsing/clientAddress';
import { Guard, Resolved, WebhookRejection } from '../Delivery';

/** Refused requests (bad credentials or signature) one client address may send a workflow per window. */
export const DEFAULT_REFUSED_RATE_LIMIT = { requests: 30, per: 60 };

interface Window {
  requests: number;
  per: number;
}

function windowOf(rule: RateLimitConfig | null | undefined): Window | null {
  const requests = Number(rule?.requests);
  const per = Number(rule?.per);
  return requests > 0 && per > 0 ? { requests, per } : null;
}

/**
 * Counts one request against `rule` in fixed windows with NocoBase's atomic counter: in memory on
 * one instance, in Redis (`CACHE_DEFAULT_STORE=redis`) for several, so that a limit holds across
 * the cluster. Returns the seconds until the window ends when the count is over the limit. A
 * counter that fails lets the request through (and says so in the log): a limit protects the app,
 * it must not take deliveries down with it.
 */
async function overLimit(counter: Counter, delivery: Resolved, name: string, rule: Window, now: number, peek = false) {
  const windowMs = rule.per * 1000;
  const window = Math.floor(now / windowMs);
  const key = `${name}:${window}`;
  let count: number;
  try {
    // A peek asks whether one more would be over the limit, without counting it.
    count = peek ? Number((await counter.get(key)) ?? 0) + 1 : await counter.incr(key, windowMs);
  } catch (error) {
    delivery.logger.error(`[webhook] workflow ${delivery.workflow.id}: rate limit counter failed`, { error });
    return null;
  }
  return count > rule.requests ? Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) : null;
}

/**
 * Each workflow's `limits.rateLimit` (`requests` per `per` seconds) over the deliveries that passed
 * authentication and signature verification: requests with wrong credentials never use up the
 * real sender's allowance (see `refusalLimit` for those). Over the limit → 429 with `Retry-After`.
 */
export function guardRate(counter: Counter, now: () => number = Date.now): Guard<Resolved> {
  return async (delivery) => {
    const rule = windowOf(delivery.config.limits?.rateLimit);
    const retryAfter = rule && (await overLimit(counter, delivery, delivery.key, rule, now()));
    if (rule && retryAfter) {
      throw new WebhookRejection(429, `Rate limit of ${rule.requests} requests per ${rule.per} s exceeded`, {
        'Retry-After': String(retryAfter),
      });
    }
  };
}

/**
 * Refused requests are counted apart, per workflow and client address, against
 * `limits.refusedRateLimit` (default 30 per 60 s): a client that keeps sending wrong credentials or
 * signatures gets 429 before they are checked again, while the real sender, from its own address,
 * is not affected. `guard` runs before the checks; `counted` wraps a check (or a stage) so that its
 * 401 or 403 counts against the caller's address.
 */
export function refusalLimit(counter: Counter, now: () => number = Date.now) {
  const ruleOf = (delivery: Resolved) =>
    windowOf(delivery.config.limits?.refusedRateLimit ?? DEFAULT_REFUSED_RATE_LIMIT);
  const nameOf = (delivery: Resolved) => `refused:${delivery.key}:${clientAddressOf(delivery.ctx)}`;
  const guard: Guard<Resolved> = async (delivery) => {
    const rule = ruleOf(delivery);
    // Only a refusal counts: this peeks.
    const retryAfter = rule && (await overLimit(counter, delivery, nameOf(delivery), rule, now(), true));
    if (rule && retryAfter) {
      throw new WebhookRejection(429, `Too many refused requests from this address, retry in ${retryAfter} s`, {
        'Retry-After': String(retryAfter),
      });
    }
  };
  const counted =
    <In extends Resolved, Out>(step: (delivery: In) => Out | Promise<Out>) =>
    async (delivery: In): Promise<Out> => {
      try {
        return await step(delivery);
      } catch (error) {
        const rule = ruleOf(delivery);
        if (rule && error instanceof WebhookRejection && (error.status === 401 || error.status === 403)) {
          await overLimit(counter, delivery, nameOf(delivery), rule, now());
        }
        throw error;
      }
    };
  return { guard, counted };
}
