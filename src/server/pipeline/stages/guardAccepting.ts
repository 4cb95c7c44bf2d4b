import { Guard, Received, WebhookRejection } from '../Delivery';

/**
 * While the app stops, its workflows are switched off one by one and nothing new may be stored:
 * every delivery is refused with 503 and Retry-After, never a misleading 404, so that the sender
 * tries again once the app (or another instance) is back.
 */
export function guardAccepting(isAccepting: () => boolean): Guard<Received> {
  return () => {
    if (!isAccepting()) {
      throw new WebhookRejection(503, 'The app is restarting, try again shortly', { 'Retry-After': '5' });
    }
  };
}
