import { stripe as stripeScheme } from '../signature/schemes';
import { hmacHeaderSender } from './hmacHeaderSender';

/** Stripe: `Stripe-Signature: t=<ts>,v1=<hex>[,v1=…]` over `<t>.<body>`. */
export const stripe = hmacHeaderSender(() => stripeScheme);
