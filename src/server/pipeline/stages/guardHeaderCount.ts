import { Guard, Received, WebhookRejection } from '../Delivery';

/** More request headers than any sender sends (`WEBHOOK_MAX_HEADERS`); Node itself allows 2000. */
const DEFAULT_MAX_HEADERS = 200;

export function guardHeaderCount(
  max: number = Number(process.env.WEBHOOK_MAX_HEADERS) || DEFAULT_MAX_HEADERS,
): Guard<Received> {
  return (delivery) => {
    const count = delivery.ctx.req.rawHeaders.length / 2;
    if (count > max) {
      throw new WebhookRejection(431, `Request has ${count} headers, more than the ${max} accepted`);
    }
  };
}
