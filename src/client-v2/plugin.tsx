import { Plugin } from '@nocobase/client-v2';
import type WorkflowPlugin from '@nocobase/plugin-workflow/client-v2';
import { CALLBACK_NODE_TYPE, RESPONSE_NODE_TYPE, TRIGGER_TYPE } from '../common/constants';
import { SETTINGS_PAGE_KEY, SETTINGS_SNIPPET } from '../common/settings';
import { offerCallbackUrlsInTriggers } from './callback/offerCallbackUrlsInTriggers';
import CallbackInstruction from './CallbackInstruction';
import ResponseInstruction from './ResponseInstruction';
import WebhookTrigger from './WebhookTrigger';

export class PluginWorkflowWebhookClientV2 extends Plugin {
  async load() {
    const workflow = this.app.pm.get('workflow') as WorkflowPlugin;
    workflow.registerTrigger(TRIGGER_TYPE, WebhookTrigger);
    workflow.registerInstruction(RESPONSE_NODE_TYPE, ResponseInstruction);
    workflow.registerInstruction(CALLBACK_NODE_TYPE, CallbackInstruction);
    offerCallbackUrlsInTriggers(this.app, workflow);

    // "Webhook deliveries" in the settings (`/v/admin/settings/workflow-webhook`), loaded when opened.
    const title = this.t('Webhook deliveries');
    this.pluginSettingsManager.addMenuItem({
      key: SETTINGS_PAGE_KEY,
      title,
      icon: 'InboxOutlined',
      aclSnippet: SETTINGS_SNIPPET,
    });
    this.pluginSettingsManager.addPageTabItem({
      menuKey: SETTINGS_PAGE_KEY,
      key: 'index',
      title,
      componentLoader: () => import('./settings/WebhookSettingsPage'),
      aclSnippet: SETTINGS_SNIPPET,
    });
  }
}

export default PluginWorkflowWebhookClientV2;
