import type { Context } from '@nocobase/actions';
import type { Log } from '../Log';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import type { WebhookContext, WebhookTriggerConfig } from '../../common/types';
import type { HttpAnswer } from '../HttpAnswer';

/**
 * One incoming request as it moves through the stages. Each stage reads what earlier stages
 * filled in and adds its own part; the last one sets `answer`.
 */
export interface Delivery {
  ctx: Context;
  key: string;
  logger: Log;
  receivedAt: number;
  workflow?: WorkflowModel;
  config?: WebhookTriggerConfig;
  rawBody?: Buffer;
  body?: unknown;
  context?: WebhookContext;
  /** The sender's own delivery id and its hash, when the trigger's idempotency names where it is. */
  deliveryId?: string;
  idempotencyKey?: string;
  /** Set once the delivery is stored in the inbox: the engine event key its run is started with. */
  eventKey?: string;
  answer?: HttpAnswer;
  /** Why the delivery was refused, for the log line (never request data). */
  rejection?: string;
}

/** A stage either completes (the next one runs) or throws a `WebhookRejection` that becomes the answer. */
export type Stage = (delivery: Delivery) => Promise<void> | void;

export class WebhookRejection extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'WebhookRejection';
  }
}
