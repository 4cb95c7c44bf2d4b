import type { Database } from '@nocobase/database';
import type { HttpAnswer } from '../http/HttpAnswer';
import type { Log } from '../support/Log';
import { DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE } from '../inbox/DeliveryRecord';
import { clientAddressOf } from '../pipeline/parsing/clientAddress';
import type { Received } from '../pipeline/Delivery';
import { parseQuery } from '../pipeline/stages/parseRequest';

const STATE_OF_OUTCOME = {
  refused: DELIVERY_STATE.REFUSED,
  duplicate: DELIVERY_STATE.DUPLICATE,
  handshake: DELIVERY_STATE.HANDSHAKE,
} as const;

/** Refusals that are about who is calling: nothing they sent is kept. */
const CREDENTIAL_REFUSALS = new Set([401, 403]);
/** The most of a refused body kept as text (for a malformed one, what was wrong with it). */
const BODY_PREVIEW_BYTES = 16 * 1024;

/** A token bucket: `burst` at once, then `perSecond`. */
class Bucket {
  private tokens: number;
  private at = Date.now();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }
}

/**
 * Keeps a row for each request a workflow refused (4xx), recognised as a repeat or answered as a
 * sender's verification request (a handshake, kept without its body), so that the
 * history shows what a sender says it delivered. Anyone can send garbage, so: a refusal about
 * credentials keeps neither headers, query nor body; writes are bounded per workflow and in all
 * (token buckets) and never delay the answer; the rows have their own retention cap.
 */
export class RefusalRecorder {
  private readonly perWorkflow = new Map<string, Bucket>();
  private readonly overall = new Bucket(100, 50);
  skipped = 0;

  constructor(
    private readonly db: Database,
    private readonly logger: Log,
  ) {}

  record(delivery: Received, answer: HttpAnswer): void {
    try {
      this.write(delivery, answer);
    } catch (error) {
      this.logger.warn(`[webhook] workflow ${delivery.trace.workflowId}: a refused request could not be recorded`, {
        error,
      });
    }
  }

  private write(delivery: Received, answer: HttpAnswer): void {
    const { trace } = delivery;
    if (!trace.outcome || trace.workflowId == null) {
      return;
    }
    const workflowKey = String(trace.workflowId);
    let bucket = this.perWorkflow.get(workflowKey);
    if (!bucket) {
      bucket = new Bucket(20, 5);
      this.perWorkflow.set(workflowKey, bucket);
    }
    if (!bucket.take() || !this.overall.take()) {
      this.skipped += 1;
      return;
    }
    // A handshake carries the sender's challenge or encrypted check: nothing of it is kept.
    const keepsRequest = trace.outcome !== 'handshake' && !CREDENTIAL_REFUSALS.has(answer.status);
    const preview =
      keepsRequest && trace.rawBody?.length ? trace.rawBody.subarray(0, BODY_PREVIEW_BYTES).toString('utf8') : null;
    const values = {
      workflowId: trace.workflowId,
      workflowKey: delivery.key,
      sync: false,
      method: delivery.ctx.method,
      headers: {},
      query: keepsRequest ? safeQuery(delivery.ctx.querystring) : {},
      body: preview,
      clientIp: clientAddressOf(delivery.ctx) || null,
      receivedAt: new Date(delivery.receivedAt),
      deliveryId: trace.deliveryId ?? null,
      state: STATE_OF_OUTCOME[trace.outcome],
      answerStatus: answer.status,
      error: trace.rejection ?? null,
    };
    this.db
      .getModel(DELIVERIES_COLLECTION)
      .create(values)
      .catch((error: unknown) =>
        this.logger.warn(`[webhook] workflow ${trace.workflowId}: a refused request could not be recorded`, { error }),
      );
  }
}

function safeQuery(querystring: string): Record<string, unknown> {
  try {
    return parseQuery(querystring);
  } catch {
    return {};
  }
}
