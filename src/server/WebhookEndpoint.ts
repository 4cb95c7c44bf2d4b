import type { Context, Next } from '@nocobase/actions';
import type { Log } from './Log';
import { WEBHOOK_ACTION, WEBHOOK_RESOURCE } from '../common/constants';
import { sendAnswer } from './HttpAnswer';
import { Delivery, Stage } from './pipeline/Delivery';
import { runStages } from './pipeline/runStages';

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where deliveries enter. The pipeline runs in a Koa middleware placed before NocoBase's body
 * parser (so the raw bytes are still there) and after its request logger; a delivery needs none of
 * the session, ACL or data-source middleware that follow. The same pipeline also serves the
 * resource action, for requests that reach the resourcer some other way.
 */
export class WebhookEndpoint {
  private readonly pathPattern: RegExp;

  constructor(
    private readonly stages: Stage[],
    private readonly logger: Log,
    apiPrefix: string,
  ) {
    const prefix = `/${apiPrefix}`.replace(/\/+/g, '/').replace(/\/$/, '');
    this.pathPattern = new RegExp(`^${escapeRegExp(prefix)}/${WEBHOOK_RESOURCE}:${WEBHOOK_ACTION}/([^/]+)/?$`);
  }

  keyOf(path: string): string | null {
    const match = this.pathPattern.exec(path);
    return match ? decodeURIComponent(match[1]) : null;
  }

  async handle(ctx: Context, key: string) {
    const delivery: Delivery = { ctx, key, logger: this.logger, receivedAt: Date.now() };
    await runStages(this.stages, delivery);
    sendAnswer(ctx, delivery.answer);
  }

  middleware = async (ctx: Context, next: Next) => {
    const key = this.keyOf(ctx.path);
    if (key == null) {
      return next();
    }
    await this.handle(ctx, key);
  };

  action = async (ctx: Context) => {
    await this.handle(ctx, String(ctx.action.params.filterByTk ?? ''));
  };
}
