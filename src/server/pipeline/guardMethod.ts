import { Stage, WebhookRejection } from './Delivery';

const ALLOWED_METHODS = ['POST'];

export const guardMethod: Stage = (delivery) => {
  if (!ALLOWED_METHODS.includes(delivery.ctx.method)) {
    throw new WebhookRejection(405, `Method ${delivery.ctx.method} is not allowed, use POST`, {
      Allow: ALLOWED_METHODS.join(', '),
    });
  }
};
