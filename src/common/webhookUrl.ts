import { WEBHOOK_ACTION, WEBHOOK_RESOURCE } from './constants';

/**
 * The absolute URL that starts a workflow: the page origin, the API base path the client uses
 * (relative like `/api/` or absolute), then `webhook:trigger/<workflow key>`.
 */
export function buildWebhookUrl(origin: string, apiBaseUrl: string | undefined, workflowKey: string): string {
  const base = new URL(apiBaseUrl || '/api/', origin.endsWith('/') ? origin : `${origin}/`);
  const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  return `${base.origin}${basePath}${WEBHOOK_RESOURCE}:${WEBHOOK_ACTION}/${encodeURIComponent(workflowKey)}`;
}
