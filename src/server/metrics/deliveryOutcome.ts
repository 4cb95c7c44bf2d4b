import type { DeliveryTrace } from '../pipeline/Delivery';

/** How an answered request to a workflow's URL ended, as the deliveries counter names it. */
export type DeliveryOutcome = 'accepted' | 'refused' | 'duplicate' | 'handshake' | 'error' | 'other';

/**
 * Read from what the stages noted on the trace. A stored delivery is `accepted` whatever its run
 * answers (a failing synchronous run's 500 included); a 5xx before the inbox took it (stopping,
 * over capacity, the store failed, an unexpected error) is an `error`; a request answered without a
 * run and without a refusal (a CORS preflight, a test request captured for the designer) is `other`.
 */
export function deliveryOutcome(trace: DeliveryTrace, status: number): DeliveryOutcome {
  if (trace.outcome) {
    return trace.outcome;
  }
  if (trace.stored) {
    return 'accepted';
  }
  return status >= 500 ? 'error' : 'other';
}

/** `2xx`, `4xx`, …: alerts are written on classes, and a class keeps the series few. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
