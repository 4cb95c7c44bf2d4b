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
