import { createHash } from 'crypto';
import type { HttpAnswer } from './HttpAnswer';
import type { Received } from '../pipeline/Delivery';

export interface RequestLog {
  info(entry: object): unknown;
  warn(entry: object): unknown;
  error(entry: object): unknown;
}

/**
 * A key the request did not resolve to a workflow (unknown, disabled, or not read yet), as the first
 * 8 hex digits of its SHA-256: enough to tell repeated requests apart and to check a suspected key
 * against, too little to call the URL with.
 */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * One line per delivery, written to NocoBase's request log in place of its own two request and
 * response lines (which the webhook path skips). It names the workflow and the outcome, never
 * headers, query, body or the URL key, which may carry credentials; the rejection messages it
 * carries as `reason` are written not to repeat them either.
 */
export function logDelivery(log: RequestLog, delivery: Received, answer: HttpAnswer) {
  const { ctx, trace } = delivery;
  const { status } = answer;
  const resolved = trace.workflowId != null;
  const hash = resolved ? undefined : keyHash(delivery.key);
  const entry = {
    // The workflow id, not the URL key: for a workflow without authentication the key is the
    // only credential, and logs are read by more people than the workflow's designers.
    message: `webhook ${ctx.method} ${resolved ? `workflow ${trace.workflowId}` : `key ${hash}`} ${status}`,
    method: ctx.method,
    status,
    cost: Date.now() - delivery.receivedAt,
    bodySize: trace.bodySize ?? 0,
    workflowId: trace.workflowId,
    ...(hash ? { keyHash: hash } : {}),
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
