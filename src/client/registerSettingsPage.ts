import type { Application } from '@nocobase/client';
import { SETTINGS_PAGE_KEY, SETTINGS_SNIPPET } from '../common/settings';
import { tExpr } from '../client-v2/locale';
import { WebhookSettingsPage } from '../client-v2/settings/WebhookSettingsPage';

/** "Webhook deliveries" in the v1 client's settings (`/admin/settings/workflow-webhook`), the v2 page's component. */
export function registerSettingsPage(app: Application) {
  app.pluginSettingsManager.add(SETTINGS_PAGE_KEY, {
    title: tExpr('Webhook deliveries'),
    icon: 'InboxOutlined',
    Component: WebhookSettingsPage,
    aclSnippet: SETTINGS_SNIPPET,
  });
}
