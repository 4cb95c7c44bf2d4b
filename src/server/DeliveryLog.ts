import type { Context } from '@nocobase/actions';
import type { Delivery } from './pipeline/Delivery';

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
export function logDelivery(log: RequestLog, ctx: Context, delivery: Delivery) {
  const status = delivery.answer?.status ?? ctx.status;
  const entry = {
    // The workflow id, not the URL key: for a workflow without authentication the key is the
    // only credential, and logs are read by more people than the workflow's designers.
    message: `webhook ${ctx.method} ${delivery.workflow ? `workflow ${delivery.workflow.id}` : 'unknown key'} ${status}`,
    method: ctx.method,
    status,
    cost: Date.now() - delivery.receivedAt,
    bodySize: delivery.rawBody?.length ?? 0,
    workflowId: delivery.workflow?.id,
    reqId: ctx.reqId,
    ...(delivery.rejection ? { reason: delivery.rejection } : {}),
  };
  if (status >= 500) {
    log.error(entry);
  } else if (status >= 400) {
    log.warn(entry);
  } else {
    log.info(entry);
  }
}
