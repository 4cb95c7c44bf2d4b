import { Plugin } from '@nocobase/client';
import type WorkflowPlugin from '@nocobase/plugin-workflow/client';
import { CALLBACK_NODE_TYPE, RESPONSE_NODE_TYPE, TRIGGER_TYPE } from '../common/constants';
import { offerCallbackUrlsInTriggers } from '../client-v2/callback/offerCallbackUrlsInTriggers';
import { showExecutionsInSettings } from '../client-v2/history/executionRoute';
import CallbackInstruction from './CallbackInstruction';
import { registerSettingsPage } from './registerSettingsPage';
import ResponseInstruction from './ResponseInstruction';
import WebhookTrigger from './WebhookTrigger';

export class PluginWorkflowWebhookClient extends Plugin {
  async load() {
    const workflow = this.app.pm.get('workflow') as WorkflowPlugin;
    workflow.registerTrigger(TRIGGER_TYPE, WebhookTrigger);
    workflow.registerInstruction(RESPONSE_NODE_TYPE, ResponseInstruction);
    workflow.registerInstruction(CALLBACK_NODE_TYPE, CallbackInstruction);
    registerSettingsPage(this.app);
    showExecutionsInSettings();
    offerCallbackUrlsInTriggers(this.app, workflow);
  }
}

export default PluginWorkflowWebhookClient;
