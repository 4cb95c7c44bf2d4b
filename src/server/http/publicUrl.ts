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

/** `WEBHOOK_PUBLIC_URL`'s origin, or null when it is unset or not a URL. */
export function configuredPublicOrigin(): string | null {
  const configured = (process.env.WEBHOOK_PUBLIC_URL ?? '').trim();
  if (!configured) {
    return null;
  }
  try {
    return new URL(configured).origin;
  } catch {
    return null;
  }
}
