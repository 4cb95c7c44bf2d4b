import { Guard, Received, Resolved, WebhookRejection } from '../Delivery';

/** How much this process takes on before it asks senders to come back later. */
export interface CapacityLimits {
  /** Requests being handled at once (each may hold a body up to WEBHOOK_BODY_LIMIT). */
  maxConcurrent: number;
  /** Stored async deliveries not yet started, across the inbox. */
  maxBacklog: number;
}

export function capacityFromEnv(env: NodeJS.ProcessEnv = process.env): CapacityLimits {
  const number = (value: string | undefined, fallback: number) => {
    const parsed = Number(value);
    return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
  };
  return {
    maxConcurrent: number(env.WEBHOOK_MAX_CONCURRENT, 256),
    maxBacklog: number(env.WEBHOOK_MAX_BACKLOG, 100_000),
  };
}

/** Live figures the guard compares with its limits. */
export interface Load {
  /** Requests inside the pipeline now, this one included. */
  readonly requests: number;
  /** Stored async deliveries that have not started, as last counted plus those stored since. */
  readonly backlog: number;
}

/**
 * Refuses with 503 and Retry-After, before reading any body (a listened test request's included),
 * once the process holds as many requests as it may: memory stays bounded whatever the arrival rate.
 */
export function guardConcurrency(limits: CapacityLimits, load: Load): Guard<Received> {
  return () => {
    if (load.requests > limits.maxConcurrent) {
      throw new WebhookRejection(503, 'Too many deliveries at once, try again shortly', { 'Retry-After': '1' });
    }
  };
}

/**
 * Refuses an async delivery with 503 and Retry-After once the inbox holds as many unstarted
 * deliveries as it should: a backlog the engine cannot work off stops growing.
 */
export function guardBacklog(limits: CapacityLimits, load: Load): Guard<Resolved> {
  return (delivery) => {
    // A sync delivery adds nothing to the backlog: its run happens while its sender waits.
    if (!delivery.sync && load.backlog >= limits.maxBacklog) {
      throw new WebhookRejection(503, 'Too many deliveries are waiting to run, try again later', {
        'Retry-After': '30',
      });
    }
  };
}
