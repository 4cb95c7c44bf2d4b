import type { Context, Next } from '@nocobase/actions';
import { WEBHOOK_ACTION, WEBHOOK_RESOURCE } from '../../common/constants';
import type { Received } from '../pipeline/Delivery';
import type { Pipeline } from '../pipeline/Pipeline';
import type { Log } from '../support/Log';
import { answerDelivered } from './answerDelivered';
import { logDelivery, RequestLog } from './DeliveryLog';
import { HttpAnswer, jsonError, sendAnswer } from './HttpAnswer';

/** Requests inside an endpoint's pipeline right now; made before the endpoint, so others can read it. */
export class RequestCount {
  active = 0;
}

export interface EndpointOptions {
  pipeline: Pipeline<never>;
  logger: Log;
  requestLog: RequestLog;
  /** Normalized (`normalizedApiPrefix`): "/api" by default. */
  apiPrefix: string;
  /** `trigger` for workflows' URLs, `callback` for waiting runs' callback URLs. */
  action?: string;
  /** Told of every answered request, after it was written (the history's refusal recorder). */
  afterAnswer?: (delivery: Received, answer: HttpAnswer) => void;
  requests?: RequestCount;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where deliveries enter. The pipeline runs in a Koa middleware placed near the top of NocoBase's
 * chain: before its body parser (so the raw bytes are still there), and before the logging, i18n,
 * session, ACL and data-source middleware, none of which a delivery needs. No resource action
 * serves deliveries: see `answerOtherUrlForms` for every other form of the URL.
 */
export class WebhookEndpoint {
  private readonly pathPattern: RegExp;
  private readonly pipeline: Pipeline<never>;
  private readonly logger: Log;
  private readonly requestLog: RequestLog;
  private readonly afterAnswer: (delivery: Received, answer: HttpAnswer) => void;
  /** Requests inside the pipeline right now. */
  readonly requests: RequestCount;

  constructor(options: EndpointOptions) {
    const { pipeline, logger, requestLog, apiPrefix, action = WEBHOOK_ACTION, afterAnswer, requests } = options;
    this.pipeline = pipeline;
    this.logger = logger;
    this.requestLog = requestLog;
    this.afterAnswer = afterAnswer ?? (() => undefined);
    this.requests = requests ?? new RequestCount();
    this.pathPattern = new RegExp(`^${escapeRegExp(apiPrefix)}/${WEBHOOK_RESOURCE}:${action}/([^/]+)/?$`);
  }

  keyOf(path: string): string | null {
    const match = this.pathPattern.exec(path);
    if (!match) {
      return null;
    }
    try {
      return decodeURIComponent(match[1]);
    } catch {
      // Not valid percent-encoding: no workflow key looks like that, so it is answered 404 as one.
      return match[1];
    }
  }

  async handle(ctx: Context, key: string) {
    const delivery: Received = {
      ctx,
      key,
      logger: this.logger,
      receivedAt: Date.now(),
      trace: {},
      answerHeaders: {},
      afterDelivery: [],
    };
    this.requests.active += 1;
    let answer: HttpAnswer;
    try {
      answer = await this.pipeline.run(delivery);
    } finally {
      this.requests.active -= 1;
    }
    let replaced = false;
    try {
      this.write(ctx, answer, delivery.answerHeaders);
    } catch (error) {
      replaced = true;
      // The last line of the boundary: whatever the answer held, the sender gets a well-formed one.
      this.logger.error(`[webhook] workflow ${delivery.trace.workflowId}: the answer could not be written`, { error });
      answer = jsonError(500, 'Internal error while handling the webhook');
      for (const name of Object.keys(ctx.response.headers)) {
        ctx.remove(name);
      }
      this.write(ctx, answer, delivery.answerHeaders);
    } finally {
      logDelivery(this.requestLog, delivery, answer);
      this.afterAnswer(delivery, answer);
      this.tellDelivery(ctx, delivery, replaced);
    }
  }

  private tellDelivery(ctx: Context, delivery: Received, replaced: boolean) {
    if (!delivery.afterDelivery.length) {
      return;
    }
    const delivered = replaced ? Promise.resolve(false) : answerDelivered(ctx.res);
    void delivered.then((reached) => {
      for (const listener of delivery.afterDelivery) {
        listener(reached);
      }
    });
  }

  private write(ctx: Context, answer: HttpAnswer, requestHeaders: Record<string, string>) {
    sendAnswer(ctx, { ...answer, headers: { ...requestHeaders, ...answer.headers } });
    // The request id helps match a sender's report to the log, unless the answer names its own.
    if (ctx.reqId && !Object.keys(answer.headers).some((name) => name.toLowerCase() === 'x-request-id')) {
      ctx.set('X-Request-Id', ctx.reqId);
    }
  }

  middleware = async (ctx: Context, next: Next) => {
    const key = this.keyOf(ctx.path);
    if (key == null) {
      return next();
    }
    await this.handle(ctx, key);
  };
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * Every other address on the `webhook` resource (`/api/webhook:trigger?filterByTk=<key>`,
 * `/api/webhook:callback`, `/api/webhook/<key>:trigger`, …) is answered here, as an unknown key,
 * by the given endpoint's pipeline. Deliveries and callbacks are served only at their documented
 * URLs, where every guard applies; none of them reaches NocoBase's resourcer, body parser, CORS
 * or request logger by another way. Placed after both endpoints' own middleware.
 */
export function answerOtherUrlForms(apiPrefix: string, endpoint: WebhookEndpoint) {
  const pattern = new RegExp(`^${escapeRegExp(apiPrefix)}/${WEBHOOK_RESOURCE}(?:[:/]|$)`);
  return async (ctx: Context, next: Next) => {
    // Every request of the app passes here: decode only a path that has something to decode.
    if (!pattern.test(ctx.path) && !(ctx.path.includes('%') && pattern.test(decodedPath(ctx.path)))) {
      return next();
    }
    await endpoint.handle(ctx, '');
  };
}
