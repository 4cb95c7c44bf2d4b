import type { Context } from '@nocobase/actions';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import type { DeliveryState } from '../../common/deliveries';
import type { WebhookContext, WebhookTriggerConfig } from '../../common/types';
import type { HttpAnswer } from '../http/HttpAnswer';
import type { SenderKeys, SenderProtocol, SenderRequest } from '../senders/Sender';
import type { Log } from '../support/Log';
import type { ReceivedFile } from './parsing/multipart';

/**
 * What the log line of a delivery says, filled in as the stages learn it (never request data).
 * It is the one mutable part: whichever stage answers, the log has what was known by then.
 */
export interface DeliveryTrace {
  workflowId?: number | string;
  bodySize?: number;
  /** Why the delivery was refused, for the log line. */
  rejection?: string;
  /** Set when the request ends without a run: the history records it (see RefusalRecorder). */
  outcome?: Extract<DeliveryState, 'refused' | 'duplicate' | 'handshake'>;
  /** The bytes read, kept by reference for the history of a refused request. */
  rawBody?: Buffer;
  /** The sender's delivery id, once read. */
  deliveryId?: string;
  /** Set once the delivery is committed to the inbox (it was accepted), with whether its sender waits. */
  stored?: 'sync' | 'async';
}

/**
 * A delivery as it moves through the stages. Each step below is what one stage guarantees to the
 * stages after it, so a stage's type says which stages must have run before it.
 */
export interface Received {
  ctx: Context;
  key: string;
  logger: Log;
  receivedAt: number;
  trace: DeliveryTrace;
  /** Headers every answer to this request carries, whichever stage answers (CORS). */
  answerHeaders: Record<string, string>;
  /** Told, once the answer is out, whether it reached the sender (see `answerDelivered`). */
  afterDelivery: Array<(delivered: boolean) => void>;
}

/** The enabled workflow behind the URL key. */
export interface Resolved extends Received {
  workflow: WorkflowModel;
  config: WebhookTriggerConfig;
  /** Whether the sender waits for the run (a synchronous workflow). */
  sync: boolean;
}

/** The exact bytes the sender delivered (decrypted, for a sender that encrypts). */
export interface Read extends Resolved {
  rawBody: Buffer;
  /** The media type of `rawBody` when it is not the request's (a decrypted body). */
  bodyType?: string;
  /** The sender that verified the delivery, for its handshakes after parsing. */
  sender?: VerifiedSender;
}

/** A delivery's sender, its keys, and the request as it checked it. */
export interface VerifiedSender {
  protocol: SenderProtocol;
  request: SenderRequest;
  keys: SenderKeys;
}

/** The request as the run will see it in `$context`. */
export interface Parsed extends Read {
  context: WebhookContext;
  /** The files of a multipart body, until the upload stage has stored them. */
  uploads?: ReceivedFile[];
  /** Set once they are stored: every row whose context lists them carries it (see `destroyDeliveries`). */
  uploadsKey?: string;
}

/** The sender's own delivery id and its hash, when the trigger's idempotency names where it is. */
export interface Identified extends Parsed {
  deliveryId?: string;
  idempotencyKey?: string;
}

/** Committed to the inbox: the runs it starts, each with the engine event key it starts under. */
export interface Stored extends Identified {
  runs: Array<{ eventKey: string; context: WebhookContext }>;
  /** The answer sent without waiting for the run (async workflows); null when the sender waits. */
  answerNow: HttpAnswer | null;
}

/** Ends the pipeline: the answer the sender gets. */
export class Answered {
  constructor(readonly answer: HttpAnswer) {}
}

/** A stage hands on the delivery with its own part added, or ends the pipeline with an answer. */
export type Stage<In, Out = In> = (delivery: In) => Out | Answered | Promise<Out | Answered>;

/** A stage that only checks: it throws a `WebhookRejection` or lets the delivery pass unchanged. */
export type Guard<In> = (delivery: In) => void | Promise<void>;

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
