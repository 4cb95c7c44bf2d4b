import type { HttpAnswer } from './HttpAnswer';
import type { Received } from './pipeline/Delivery';

export interface RequestLog {
  info(entry: object): unknown;
  warn(entry: object): unknown;
  error(entry: object): unknown;
}

/**
 * One line per delivery, written to NocoBase's request log in place of its own two request and
 * response lines (which the webhook path skips). It names the workflow and the outcome, never
 * headers, query or body, which may carry credentials.
 */
export function logDelivery(log: RequestLog, delivery: Received, answer: HttpAnswer) {
  const { ctx, trace } = delivery;
  const { status } = answer;
  const entry = {
    // The workflow id, not the URL key: for a workflow without authentication the key is the
    // only credential, and logs are read by more people than the workflow's designers.
    message: `webhook ${ctx.method} ${trace.workflowId != null ? `workflow ${trace.workflowId}` : 'unknown key'} ${status}`,
    method: ctx.method,
    status,
    cost: Date.now() - delivery.receivedAt,
    bodySize: trace.bodySize ?? 0,
    workflowId: trace.workflowId,
    reqId: ctx.reqId,
    ...(trace.rejection ? { reason: trace.rejection } : {}),
  };
  if (status >= 500) {
    log.error(entry);
  } else if (status >= 400) {
    log.warn(entry);
  } else {
    log.info(entry);
  }
}
