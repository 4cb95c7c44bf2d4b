import { WEBHOOK_RESOURCE } from '../../common/constants';

/** NocoBase's API prefix as a path: `api` and `/api/` both become `/api`. */
export function normalizedApiPrefix(prefix: string | undefined): string {
  return `/${prefix ?? '/api'}`.replace(/\/+/g, '/').replace(/\/$/, '');
}

/**
 * The URL a sender reaches `/api/webhook:<action>/<token>` at: behind `WEBHOOK_PUBLIC_URL` (the
 * origin senders reach the app at) when set, else the path alone.
 */
export function publicWebhookUrl(apiPrefix: string, action: string, token: string): string {
  const origin = (process.env.WEBHOOK_PUBLIC_URL ?? '').replace(/\/+$/, '');
  return `${origin}${apiPrefix}/${WEBHOOK_RESOURCE}:${action}/${token}`;
}
