/** The plugin's settings resource: one stored row, read and written by admins from its settings page. */
export const SETTINGS_RESOURCE = 'webhookSettings';

/**
 * The settings page's key in both clients (`/admin/settings/workflow-webhook`,
 * `/v/admin/settings/workflow-webhook`): the plugin's name, so Plugin Manager's "Settings" link finds it.
 */
export const SETTINGS_PAGE_KEY = 'workflow-webhook';

/** The permission that shows the page and allows its actions; roles with `pm.*` (admin) have it. */
export const SETTINGS_SNIPPET = `pm.${SETTINGS_PAGE_KEY}`;
