import { Guard, Received, WebhookRejection } from './Delivery';

const ALLOWED_METHODS = ['POST'];

export const guardMethod: Guard<Received> = (delivery) => {
  if (!ALLOWED_METHODS.includes(delivery.ctx.method)) {
    throw new WebhookRejection(405, `Method ${delivery.ctx.method} is not allowed, use POST`, {
      Allow: ALLOWED_METHODS.join(', '),
    });
  }
};
