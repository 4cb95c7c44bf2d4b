import type { Counter } from '@nocobase/cache';
import { Guard, Resolved, WebhookRejection } from './Delivery';

/**
 * Each workflow's `limits.rateLimit` (`requests` per `per` seconds), counted in fixed windows with
 * NocoBase's atomic counter: in memory on one instance, in Redis (`CACHE_DEFAULT_STORE=redis`) for
 * several, so that the limit holds across the cluster. Over the limit → 429 with `Retry-After`
 * until the window ends. A counter that fails lets the request through (and says so in the log):
 * the limit protects the app, it must not take deliveries down with it.
 */
export function guardRate(counter: Counter, now: () => number = Date.now): Guard<Resolved> {
  return async (delivery) => {
    const rule = delivery.config.limits?.rateLimit;
    const requests = Number(rule?.requests);
    const per = Number(rule?.per);
    if (!(requests > 0) || !(per > 0)) {
      return;
    }
    const windowMs = per * 1000;
    const at = now();
    const window = Math.floor(at / windowMs);
    let count: number;
    try {
      count = await counter.incr(`${delivery.key}:${window}`, windowMs);
    } catch (error) {
      delivery.logger.error(`[webhook] workflow ${delivery.workflow.id}: rate limit counter failed`, { error });
      return;
    }
    if (count > requests) {
      const retryAfter = Math.max(1, Math.ceil(((window + 1) * windowMs - at) / 1000));
      throw new WebhookRejection(429, `Rate limit of ${requests} requests per ${per} s exceeded`, {
        'Retry-After': String(retryAfter),
      });
    }
  };
}
