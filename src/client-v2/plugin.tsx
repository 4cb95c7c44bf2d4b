import { Plugin } from '@nocobase/client-v2';
import type WorkflowPlugin from '@nocobase/plugin-workflow/client-v2';
import { CALLBACK_NODE_TYPE, RESPONSE_NODE_TYPE, TRIGGER_TYPE } from '../common/constants';
import { offerCallbackUrlsInTriggers } from './callback/offerCallbackUrlsInTriggers';
import CallbackInstruction from './CallbackInstruction';
import ResponseInstruction from './ResponseInstruction';
import { registerSettingsPage } from './settings/registerSettingsPage';
import WebhookTrigger from './WebhookTrigger';

export class PluginWorkflowWebhookClientV2 extends Plugin {
  async load() {
    const workflow = this.app.pm.get('workflow') as WorkflowPlugin;
    workflow.registerTrigger(TRIGGER_TYPE, WebhookTrigger);
    workflow.registerInstruction(RESPONSE_NODE_TYPE, ResponseInstruction);
    workflow.registerInstruction(CALLBACK_NODE_TYPE, CallbackInstruction);
    registerSettingsPage(this.app);
    offerCallbackUrlsInTriggers(workflow);
  }
}

export default PluginWorkflowWebhookClientV2;
