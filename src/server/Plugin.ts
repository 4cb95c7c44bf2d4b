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

/**
 * Everything in NocoBase's middleware chain that a delivery does not need: request/response
 * logging (the endpoint writes one compact line of its own), audit, session token, i18n, error
 * pages (the pipeline answers every error itself), body parsing (it reads the raw bytes), CORS,
 * data sources, ACL and the resourcer, plus the preset plugins' own guards for their routes.
 * Untagged middleware (topo cannot order anything before those) still runs first; it is cheap.
 */
const MIDDLEWARE_SKIPPED = [
  'audit',
  'logger',
  'i18n',
  'extractClientIp',
  'errorHandler',
  'bodyParser',
  'cors',
  'dataWrapping',
  'dataSource',
  'idp-oauth-resource-auth',
  'idp-oauth-interaction',
  'flow-surfaces-write-body-errors',
  'mcp-oauth-protected-resource',
  'mcp-unauthorized-response',
];

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
      this.app.requestLogger,
      this.app.resourceManager.options.prefix ?? '/api',
    );
    // Runs before the workflow plugin's own beforeStop (which stops taking events), so that queued
    // deliveries already answered reach the engine and are saved as it drains.
    this.app.prependListener('beforeStop', () => scheduler.drain());
    this.app.use(endpoint.middleware, { tag: 'webhook', after: 'generateReqId', before: MIDDLEWARE_SKIPPED });
    this.app.resourceManager.define({ name: WEBHOOK_RESOURCE, actions: { [WEBHOOK_ACTION]: endpoint.action } });
    this.app.acl.allow(WEBHOOK_RESOURCE, WEBHOOK_ACTION, 'public');
  }
}

export default PluginWorkflowWebhookServer;
