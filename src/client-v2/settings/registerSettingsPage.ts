import type { Application } from '@nocobase/client-v2';
import { NAMESPACE } from '../../common/constants';
import { SETTINGS_PAGE_KEY, SETTINGS_SNIPPET } from '../../common/settings';
import { WebhookSettingsPage } from './WebhookSettingsPage';

/** "Webhook deliveries" in the v2 client's settings (`/v/admin/settings/workflow-webhook`). */
export function registerSettingsPage(app: Application) {
  const title = app.i18n.t('Webhook deliveries', { ns: NAMESPACE });
  app.pluginSettingsManager.addMenuItem({
    key: SETTINGS_PAGE_KEY,
    title,
    icon: 'InboxOutlined',
    aclSnippet: SETTINGS_SNIPPET,
  });
  app.pluginSettingsManager.addPageTabItem({
    menuKey: SETTINGS_PAGE_KEY,
    key: 'index',
    title,
    Component: WebhookSettingsPage,
    aclSnippet: SETTINGS_SNIPPET,
  });
}
