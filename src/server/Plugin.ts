import { randomUUID } from 'crypto';
import { Plugin } from '@nocobase/server';
import PluginWorkflowServer, { WorkflowModel } from '@nocobase/plugin-workflow';
import { RESPONSE_NODE_TYPE, TRIGGER_TYPE, WEBHOOK_ACTION, WEBHOOK_RESOURCE } from '../common/constants';
import { authenticate } from './pipeline/authenticate';
import deliveryCollection from './inbox/deliveryCollection';
import { EVENT_KEY_PREFIX } from './inbox/DeliveryRecord';
import { DeliveryStarter } from './inbox/DeliveryStarter';
import { InboxSweeper } from './inbox/InboxSweeper';
import { InboxWriter } from './inbox/InboxWriter';
import { retentionFromEnv } from './inbox/retention';
import { tuneSqlite } from './inbox/sqliteTuning';
import { SyncOutcomes } from './inbox/SyncOutcomes';
import { dispatch } from './pipeline/dispatch';
import { guardMethod } from './pipeline/guardMethod';
import { identifyDelivery } from './pipeline/identifyDelivery';
import { persistDelivery } from './pipeline/persistDelivery';
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

/** How often the inbox sweeper runs, and how long another process's stored deliveries are its own. */
const SWEEP_INTERVAL_MS = Number(process.env.WEBHOOK_INBOX_SWEEP_MS) || 2_000;
const TAKE_OVER_GRACE_MS = Number(process.env.WEBHOOK_INBOX_TAKEOVER_MS) || 60_000;
/** How often the key index is read again, so that other instances' changes are served. */
const INDEX_REFRESH_MS = Number(process.env.WEBHOOK_INDEX_REFRESH_MS) || 2_000;

export class PluginWorkflowWebhookServer extends Plugin {
  async beforeLoad() {
    this.db.collection(deliveryCollection);
  }

  async load() {
    await tuneSqlite(this.db, this.app.logger);
    const logger = this.app.logger;
    const workflowPlugin = this.app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    const scheduler = createScheduler(workflowPlugin, this.app.db.options.dialect, logger);
    const trigger = new WebhookTrigger(workflowPlugin, scheduler);
    workflowPlugin.registerTrigger(TRIGGER_TYPE, trigger);
    workflowPlugin.registerInstruction(RESPONSE_NODE_TYPE, ResponseInstruction);

    const instanceId = randomUUID();
    const inbox = new InboxWriter(this.db, logger);
    const starter = new DeliveryStarter(workflowPlugin, scheduler, logger);
    this.db.on('executions.afterCreate', (execution: { get(name: string): unknown }) => {
      const eventKey = execution.get('eventKey');
      if (typeof eventKey === 'string' && eventKey.startsWith(EVENT_KEY_PREFIX)) {
        starter.settled(eventKey);
      }
    });
    const sweeper = new InboxSweeper(
      this.db,
      this.app.lockManager,
      starter,
      async (id) =>
        workflowPlugin.enabledCache.get(id) ??
        ((await this.db.getRepository('workflows').findOne({ filterByTk: id })) as WorkflowModel | null),
      logger,
      {
        instanceId,
        intervalMs: SWEEP_INTERVAL_MS,
        graceMs: TAKE_OVER_GRACE_MS,
        retention: retentionFromEnv(),
        pruneEvery: Math.max(1, Math.round(60_000 / SWEEP_INTERVAL_MS)),
      },
    );

    const endpoint = new WebhookEndpoint(
      [
        resolveWorkflow(trigger),
        guardMethod,
        authenticate,
        readBody(),
        parseRequest,
        identifyDelivery,
        persistDelivery({
          db: this.db,
          inbox,
          instanceId,
          isSync: (delivery) => workflowPlugin.isWorkflowSync(delivery.workflow!),
        }),
        dispatch({ workflowPlugin, scheduler, starter, outcomes: new SyncOutcomes(this.db, logger) }),
      ],
      logger,
      this.app.requestLogger,
      this.app.resourceManager.options.prefix ?? '/api',
    );
    // After the workflow plugin's own afterStart, which makes its dispatcher ready.
    let indexRefresh: NodeJS.Timeout | null = null;
    const refreshIndex = () =>
      trigger.syncWithDatabase(this.db).catch((error) => logger.error('[webhook] reading enabled workflows failed', { error }));
    this.app.on('afterStart', () => {
      starter.resume();
      sweeper.start();
      indexRefresh = setInterval(refreshIndex, INDEX_REFRESH_MS);
      indexRefresh.unref?.();
    });
    // Runs before the workflow plugin's own beforeStop (which stops taking events). Stored
    // deliveries not yet handed over stay in the inbox for the next start.
    this.app.prependListener('beforeStop', async () => {
      if (indexRefresh) {
        clearInterval(indexRefresh);
      }
      await sweeper.stop();
      starter.stop();
      await inbox.flushed();
      await scheduler.drain();
    });
    this.app.use(endpoint.middleware, { tag: 'webhook', after: 'generateReqId', before: MIDDLEWARE_SKIPPED });
    this.app.resourceManager.define({ name: WEBHOOK_RESOURCE, actions: { [WEBHOOK_ACTION]: endpoint.action } });
    this.app.acl.allow(WEBHOOK_RESOURCE, WEBHOOK_ACTION, 'public');
  }
}

export default PluginWorkflowWebhookServer;
