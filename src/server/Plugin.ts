import { Plugin } from '@nocobase/server';
import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { RESPONSE_NODE_TYPE, TRIGGER_TYPE, WEBHOOK_ACTION, WEBHOOK_RESOURCE } from '../common/constants';
import { authenticate } from './pipeline/authenticate';
import { dispatch } from './pipeline/dispatch';
import { guardMethod } from './pipeline/guardMethod';
import { parseRequest } from './pipeline/parseRequest';
import { readBody } from './pipeline/readBody';
import { resolveWorkflow } from './pipeline/resolveWorkflow';
import ResponseInstruction from './ResponseInstruction';
import { createScheduler } from './scheduling/createScheduler';
import { WebhookEndpoint } from './WebhookEndpoint';
import WebhookTrigger from './WebhookTrigger';

export class PluginWorkflowWebhookServer extends Plugin {
  async load() {
    const workflowPlugin = this.app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    const scheduler = createScheduler(workflowPlugin, this.app.db.options.dialect, this.app.logger);
    const trigger = new WebhookTrigger(workflowPlugin, scheduler);
    workflowPlugin.registerTrigger(TRIGGER_TYPE, trigger);
    workflowPlugin.registerInstruction(RESPONSE_NODE_TYPE, ResponseInstruction);

    const endpoint = new WebhookEndpoint(
      [
        resolveWorkflow(trigger),
        guardMethod,
        authenticate,
        readBody(),
        parseRequest,
        dispatch({ workflowPlugin, scheduler }),
      ],
      this.app.logger,
      this.app.resourceManager.options.prefix ?? '/api',
    );
    // Runs before the workflow plugin's own beforeStop (which stops taking events), so that queued
    // deliveries already answered reach the engine and are saved as it drains.
    this.app.prependListener('beforeStop', () => scheduler.drain());
    this.app.use(endpoint.middleware, { tag: 'webhook', after: 'logger', before: 'bodyParser' });
    this.app.resourceManager.define({ name: WEBHOOK_RESOURCE, actions: { [WEBHOOK_ACTION]: endpoint.action } });
    this.app.acl.allow(WEBHOOK_RESOURCE, WEBHOOK_ACTION, 'public');
  }
}

export default PluginWorkflowWebhookServer;
