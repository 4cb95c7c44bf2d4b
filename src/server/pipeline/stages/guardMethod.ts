import { WEBHOOK_METHODS, WebhookMethod, WebhookTriggerConfig } from '../../../common/types';
import { Guard, Resolved, WebhookRejection } from '../Delivery';

const DEFAULT_METHODS: WebhookMethod[] = ['POST'];

/** The methods a workflow accepts: its `methods` (known ones only), POST when none are listed. */
export function allowedMethods(config: WebhookTriggerConfig): WebhookMethod[] {
  const listed = (config.methods ?? [])
    .map((method) => String(method).toUpperCase())
    .filter((method): method is WebhookMethod => (WEBHOOK_METHODS as readonly string[]).includes(method));
  return listed.length ? [...new Set(listed)] : DEFAULT_METHODS;
}

export const guardMethod: Guard<Resolved> = (delivery) => {
  const allowed = allowedMethods(delivery.config);
  if (!(allowed as string[]).includes(delivery.ctx.method)) {
    throw new WebhookRejection(405, `Method ${delivery.ctx.method} is not allowed, use ${allowed.join(', ')}`, {
      Allow: allowed.join(', '),
    });
  }
};
