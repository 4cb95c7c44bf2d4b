import type { Application } from '@nocobase/server';
import { keyHash } from '../http/DeliveryLog';
import type { HttpAnswer } from '../http/HttpAnswer';
import type { RetryEvents } from '../inbox/RetryEvents';
import type { Received } from '../pipeline/Delivery';
import { deliveryOutcome, statusClass } from './deliveryOutcome';

/** The OpenTelemetry meter NocoBase's telemetry hands out (null while telemetry is off). */
export type Meter = NonNullable<ReturnType<Application['telemetry']['metric']['getMeter']>>;

/** The `workflow` attribute of a request whose key matched no enabled workflow. */
export const NO_WORKFLOW = 'none';

/** Answer times in ms: an async answer waits for the inbox commit, a sync one for its run. */
const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000];

function createInstruments(meter: Meter) {
  return {
    deliveries: meter.createCounter('webhook_deliveries_total', {
      description: 'Requests to webhook workflow URLs, by workflow, outcome and HTTP status class',
      unit: '{delivery}',
    }),
    answerDuration: meter.createHistogram('webhook_answer_duration_ms', {
      description: 'Time from the arrival of an accepted delivery to its answer, by workflow and sync/async',
      unit: 'ms',
      advice: { explicitBucketBoundaries: LATENCY_BUCKETS_MS },
    }),
    backlog: meter.createObservableGauge('webhook_inbox_backlog', {
      description: 'Stored asynchronous deliveries whose run has not started yet',
      unit: '{delivery}',
    }),
    retries: meter.createCounter('webhook_retries_total', {
      description: 'Retries of stored deliveries started, by workflow',
      unit: '{attempt}',
    }),
    givenUp: meter.createCounter('webhook_given_up_total', {
      description: 'Deliveries given up after their last attempt failed, by workflow',
      unit: '{delivery}',
    }),
  };
}

/**
 * The plugin's instruments on NocoBase's own meter, so that whichever reader the app exports with
 * (the console, Prometheus) reads them. Without a meter (telemetry off) every method does nothing.
 *
 * Attributes stay few and never carry request data. A workflow is named by the first 8 hex digits
 * of its key's SHA-256 (as the request log names an unknown key): the key itself is the only
 * credential of a workflow without authentication, and metrics are read by more people than its
 * designers; the hash is the same for every version of the workflow.
 */
export class WebhookMetrics implements RetryEvents {
  private readonly instruments: ReturnType<typeof createInstruments> | null;
  /** Hashing is done once per workflow key, not once per request. */
  private readonly hashes = new Map<string, string>();

  constructor(meter: Meter | null) {
    this.instruments = meter ? createInstruments(meter) : null;
  }

  get enabled(): boolean {
    return this.instruments != null;
  }

  /** One answered request to a workflow's URL, told once its answer was written. */
  answered(delivery: Received, answer: HttpAnswer) {
    if (!this.instruments) {
      return;
    }
    const { trace } = delivery;
    // A key that resolved to no workflow is anyone's text: it never becomes a series of its own.
    const workflow = trace.workflowId == null ? NO_WORKFLOW : this.workflowOf(delivery.key);
    this.instruments.deliveries.add(1, {
      workflow,
      outcome: deliveryOutcome(trace, answer.status),
      status_class: statusClass(answer.status),
    });
    if (trace.stored) {
      this.instruments.answerDuration.record(Date.now() - delivery.receivedAt, { workflow, mode: trace.stored });
    }
  }

  retryStarted(workflowKey: string) {
    this.instruments?.retries.add(1, { workflow: this.workflowOf(workflowKey) });
  }

  gaveUp(workflowKey: string) {
    this.instruments?.givenUp.add(1, { workflow: this.workflowOf(workflowKey) });
  }

  /** The backlog is read when a reader collects, not kept up to date on every delivery. */
  observeBacklog(read: () => number) {
    this.instruments?.backlog.addCallback((result) => result.observe(read()));
  }

  private workflowOf(key: string): string {
    let hash = this.hashes.get(key);
    if (hash === undefined) {
      hash = keyHash(key);
      this.hashes.set(key, hash);
    }
    return hash;
  }
}
