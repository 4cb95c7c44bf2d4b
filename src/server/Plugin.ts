import path from 'path';
import { Plugin } from '@nocobase/server';
import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { CALLBACK_ACTION, CALLBACK_NODE_TYPE, NAMESPACE, RESPONSE_NODE_TYPE, TRIGGER_TYPE, WEBHOOK_ACTION } from '../common/constants';
import type { Counter } from '@nocobase/cache';
import { answerCors } from './pipeline/stages/answerCors';
import { authenticate } from './pipeline/stages/authenticate';
import { guardClientAddress } from './pipeline/stages/guardClientAddress';
import { guardHeaderCount } from './pipeline/stages/guardHeaderCount';
import { guardRate, refusalLimit } from './pipeline/stages/guardRate';
import { answerMetaHandshake, answerSlackHandshake } from './pipeline/stages/handshakes';
import { checkUploads } from './pipeline/stages/checkUploads';
import { storeUploads } from './pipeline/stages/storeUploads';
import { withUploadCleanup } from './pipeline/stages/withUploadCleanup';
import type { FileManager } from './uploads/fileManager';
import { verifySignature } from './pipeline/stages/verifySignature';
import { SecretReader, secretReader } from './support/secrets';
import { normalizedApiPrefix, publicWebhookUrl } from './http/publicUrl';
import type { Transactionable } from '@nocobase/database';
import type { Context } from '@nocobase/actions';
import CallbackInstruction from './instructions/CallbackInstruction';
import { CallbackResolved, resolveCallback, resumeCallback } from './callback/callbackStages';
import { CallbackTimeouts } from './callback/CallbackTimeouts';
import { CallbackKeys, legacyCallbackSecret } from './callback/CallbackKeys';
import { CallbackUrls } from './callback/callbackUrls';
import type { Read } from './pipeline/Delivery';
import { recordCall } from './subscription/recordCall';
import { SubscriptionLifecycle } from './subscription/SubscriptionLifecycle';
import { CALLBACK_KEYS_COLLECTION, DELIVERIES_COLLECTION, SUBSCRIPTIONS_COLLECTION } from './constants';
import { HistoryDeps, listen, listened, readOnly, replay, stopListening } from './actions/deliveries';
import { Listeners } from './history/Listeners';
import { answerListened, copyToListener } from './pipeline/stages/listening';
import { RefusalRecorder } from './history/RefusalRecorder';
import { Inbox } from './inbox/Inbox';
import { tuneSqlite } from './host/sqlite';
import { reportMiddlewareOrder, useAheadOfNocoBase } from './host/middleware';
import { dispatch } from './pipeline/stages/dispatch';
import { guardAccepting } from './pipeline/stages/guardAccepting';
import { capacityFromEnv, guardBacklog, guardConcurrency } from './pipeline/stages/guardCapacity';
import { Pipeline } from './pipeline/Pipeline';
import { guardMethod } from './pipeline/stages/guardMethod';
import { identifyDelivery } from './pipeline/stages/identifyDelivery';
import { persistDelivery } from './pipeline/stages/persistDelivery';
import { splitEvents } from './pipeline/stages/splitEvents';
import { parseRequest } from './pipeline/stages/parseRequest';
import { readBody } from './pipeline/stages/readBody';
import { resolveWorkflow } from './pipeline/stages/resolveWorkflow';
import ResponseInstruction from './instructions/ResponseInstruction';
import { createScheduler } from './scheduling/createScheduler';
import { engineActivity } from './host/engine';
import { HostReport, nocobaseVersion, reportHostCheck } from './host/hostCheck';
import { checkExecutionContext } from './host/executionContext';
import { defineSettings } from './settings/defineSettings';
import { RetentionStore } from './settings/RetentionStore';
import { answerOtherUrlForms, WebhookEndpoint } from './http/WebhookEndpoint';
import { PeriodicSweep } from './support/PeriodicSweep';
import WebhookTrigger from './WebhookTrigger';

/** The workflow plugin's permission snippet: roles with it may manage workflows. */
const WORKFLOW_SNIPPET = 'pm.workflow.workflows';

/** How often the key index is read again, so that other instances' changes are served. */
const INDEX_REFRESH_MS = Number(process.env.WEBHOOK_INDEX_REFRESH_MS) || 2_000;

export class PluginWorkflowWebhookServer extends Plugin {
  /**
   * NocoBase finds `server/collections` from the package name, which a plugin added by its class
   * (as the tests do) does not have: the folder beside this file is the one, in `src` or `dist`.
   */
  async loadCollections() {
    await this.db.import({ directory: path.resolve(__dirname, 'collections'), from: this.packageName });
  }

  /** `server/migrations`, found the same way, under the package's name. */
  async loadMigrations() {
    return this.app.loadMigrations({
      directory: path.resolve(__dirname, 'migrations'),
      namespace: this.packageName,
      context: { plugin: this },
    });
  }

  private get packageName(): string {
    return this.options.packageName ?? NAMESPACE;
  }

  async load() {
    const logger = this.app.logger;
    // What the host-internal modules (./host) name when a start-up check fails.
    const host = { version: nocobaseVersion(this.app), logger };
    await tuneSqlite(this.db, host);
    const workflowPlugin = this.app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    const scheduler = createScheduler(
      () => engineActivity(workflowPlugin, this.app.eventQueue, host),
      this.app.db.options.dialect ?? 'sqlite',
      logger,
      () => load.requests,
    );
    const trigger = new WebhookTrigger(workflowPlugin, scheduler);
    workflowPlugin.registerTrigger(TRIGGER_TYPE, trigger);
    workflowPlugin.registerInstruction(RESPONSE_NODE_TYPE, new ResponseInstruction(workflowPlugin));

    const retention = new RetentionStore(this.db, logger);
    const inbox = new Inbox({
      db: this.db,
      lockManager: this.app.lockManager,
      workflowPlugin,
      scheduler,
      logger,
      retention: () => retention.effective(),
    });

    const load = {
      get requests(): number {
        return endpoint.activeRequests;
      },
      get backlog() {
        return inbox.backlog;
      },
    };
    const secrets = secretReader(this.app.environment);
    // "/api" unless the app serves its API elsewhere; every URL the plugin matches or hands out uses it.
    const apiPrefix = normalizedApiPrefix(this.app.resourceManager.options.prefix);
    const listeners = new Listeners(this.db, logger);
    const rateCounter = await this.app.cacheManager.createCounter(
      { name: 'webhookRateLimit', prefix: 'webhook:rate' },
      this.app.lockManager,
    );
    const fileManager = () => {
      const plugin = this.app.pm.get('file-manager') as unknown as (FileManager & { enabled?: boolean }) | undefined;
      return plugin?.enabled ? plugin : null;
    };
    // Refused requests are counted per client address; only verified ones use the workflow's rate.
    const refusedRate = refusalLimit(rateCounter as Counter);
    const capacity = capacityFromEnv();
    // Cheap refusals first, then credentials, then the bytes: verified before they are parsed.
    const pipeline = Pipeline.start()
      .check(guardAccepting(() => inbox.accepting))
      .check(guardHeaderCount())
      .check(guardConcurrency(capacity, load))
      .then(answerListened(listeners, (key) => Boolean(trigger.findEnabled(key))))
      .then(resolveWorkflow(trigger, (workflow) => workflowPlugin.isWorkflowSync(workflow)))
      .check(guardBacklog(capacity, load))
      .check(guardClientAddress())
      .then(answerCors)
      .then(answerMetaHandshake(secrets))
      .check(guardMethod)
      .check(refusedRate.guard)
      .check(refusedRate.counted(authenticate(secrets)))
      .then(readBody())
      .check(refusedRate.counted(verifySignature(secrets)))
      .check(guardRate(rateCounter as Counter))
      .then(parseRequest())
      .then(copyToListener(listeners))
      .then(answerSlackHandshake)
      .then(checkUploads(fileManager))
      .then(identifyDelivery)
      .then(splitEvents)
      // Files are stored only for a delivery that runs, and deleted again when it is not written.
      .then(storeUploads({ db: this.db, fileManager }))
      .then(withUploadCleanup(persistDelivery({ db: this.db, inbox: inbox.writer, instanceId: inbox.instanceId }), this.db))
      .then(dispatch({ workflowPlugin, scheduler, starter: inbox.starter, outcomes: inbox.outcomes }));
    const refusals = new RefusalRecorder(this.db, logger);
    const endpoint: WebhookEndpoint = new WebhookEndpoint(
      pipeline,
      logger,
      this.app.requestLogger,
      apiPrefix,
      (delivery, answer) => refusals.record(delivery, answer),
    );
    const callbacks = this.defineCallbacks(workflowPlugin, secrets, apiPrefix, host);
    const subscriptions = this.defineSubscriptions(apiPrefix);
    // The sweeps that read the database on a timer, started and stopped with the app (one
    // listener each way for all of them).
    const indexRefresh = new PeriodicSweep({
      everyMs: INDEX_REFRESH_MS,
      run: () => trigger.syncWithDatabase(this.db),
      logger,
      failure: '[webhook] reading workflows failed',
      level: 'error',
    });
    const sweeps = [listeners.sweep, callbacks.timeouts.sweep, subscriptions.sweep, indexRefresh];
    this.app.on('afterStart', async () => {
      reportMiddlewareOrder(this.app, ['webhook', 'webhook-callback', 'webhook-other-url-forms'], host);
      await callbacks.makeKey();
      inbox.start();
      sweeps.forEach((sweep) => sweep.start());
    });
    // Before the workflow plugin's own beforeStop (which stops taking events).
    this.app.prependListener('beforeStop', async () => {
      sweeps.forEach((sweep) => sweep.stop());
      await inbox.stop();
      await scheduler.drain();
    });
    useAheadOfNocoBase(this.app, endpoint.middleware, 'webhook');
    useAheadOfNocoBase(this.app, answerOtherUrlForms(apiPrefix, endpoint), 'webhook-other-url-forms', ['webhook', 'webhook-callback']);
    this.defineHistory({ db: this.db, starter: inbox.starter, listeners, instanceId: inbox.instanceId });
    defineSettings(this.app, retention);
  }

  /** Registering each workflow's webhook with its sender, renewing and removing it (`config.subscription`). */
  private defineSubscriptions(apiPrefix: string) {
    const lifecycle = new SubscriptionLifecycle({
      db: this.db,
      lockManager: this.app.lockManager,
      logger: this.app.logger,
      environment: this.app.environment,
      webhookUrl: (key) => publicWebhookUrl(apiPrefix, WEBHOOK_ACTION, key),
      recordCall: recordCall(this.db, this.app.logger),
    });
    this.db.on('workflows.beforeSave', lifecycle.beforeSave);
    this.db.on('workflows.afterSave', lifecycle.afterSave);
    this.db.on('workflows.afterDestroy', lifecycle.afterDestroy);
    return lifecycle;
  }

  /**
   * "Wait for callback": the node, the callback URLs its runs get in `$context.callbackUrls`, the
   * endpoint `/api/webhook:callback/<token>` that resumes a waiting run, and the timeout sweep.
   */
  private defineCallbacks(workflowPlugin: PluginWorkflowServer, secrets: SecretReader, apiPrefix: string, host: HostReport) {
    const logger = this.app.logger;
    // The installation's own random key signs callback tokens: the same on every instance and
    // across restarts, and known to no one who only has the code or the app's environment.
    const keys = new CallbackKeys(this.db);
    workflowPlugin.registerInstruction(CALLBACK_NODE_TYPE, new CallbackInstruction(workflowPlugin, keys, apiPrefix));
    const urls = new CallbackUrls(this.db, keys, apiPrefix);
    const contextWritable = reportHostCheck(
      host,
      'execution context',
      checkExecutionContext(this.db),
      'runs get their callback URL as the "Wait for callback" node\'s result only, not in $context.callbackUrls',
    );
    if (contextWritable) {
      this.db.on('executions.afterCreate', (execution: Parameters<CallbackUrls['addTo']>[0], options: Transactionable) =>
        urls.addTo(execution, options),
      );
    }
    const pipeline = Pipeline.start()
      .then(resolveCallback({ db: this.db, keys, legacySecret: legacyCallbackSecret() }))
      .check(guardMethod)
      .check(authenticate(secrets))
      .then(readBody<CallbackResolved>())
      .then(parseRequest<CallbackResolved & Read>())
      .then(resumeCallback({ db: this.db, workflowPlugin, logger }));
    const endpoint = new WebhookEndpoint(pipeline, logger, this.app.requestLogger, apiPrefix, undefined, CALLBACK_ACTION);
    const timeouts = new CallbackTimeouts(this.db, workflowPlugin, this.app.lockManager, logger);
    // The key is read by this plugin only: no API action reaches its collection, whatever the role.
    this.app.resourceManager.use(
      async (ctx, next) => {
        if ((ctx as Context).action?.resourceName === CALLBACK_KEYS_COLLECTION) {
          (ctx as Context).throw(404, `Resource "${CALLBACK_KEYS_COLLECTION}" not found`);
        }
        await next();
      },
      { tag: 'webhook-callback-keys', before: 'acl' },
    );
    useAheadOfNocoBase(this.app, endpoint.middleware, 'webhook-callback');
    // Made at start (not at the first wait), so that runs waiting from before it are told apart.
    const makeKey = () => keys.current().catch((error) => logger.error('[webhook] the callback key could not be made', { error }));
    return { timeouts, makeKey };
  }

  /**
   * The delivery history: `webhookDeliveries:list` and `:get` (NocoBase's own actions on the
   * collection), `:replay`, `:listen`, `:listened`, `:stopListening`; rows are never written
   * through the API. Allowed to the roles that may manage workflows: the actions join the workflow
   * plugin's "Workflow" permission snippet.
   */
  private defineHistory(deps: HistoryDeps) {
    type Handlers = Parameters<typeof this.app.resourceManager.registerActionHandlers>[0];
    this.app.resourceManager.registerActionHandlers(<Handlers>(<unknown>{
      [`${DELIVERIES_COLLECTION}:replay`]: replay(deps),
      [`${DELIVERIES_COLLECTION}:listen`]: listen(deps),
      [`${DELIVERIES_COLLECTION}:listened`]: listened(deps),
      [`${DELIVERIES_COLLECTION}:stopListening`]: stopListening(deps),
      [`${DELIVERIES_COLLECTION}:create`]: readOnly(),
      [`${DELIVERIES_COLLECTION}:update`]: readOnly(),
      [`${DELIVERIES_COLLECTION}:firstOrCreate`]: readOnly(),
      [`${DELIVERIES_COLLECTION}:updateOrCreate`]: readOnly(),
    }));
    const actions = [
      ...['list', 'get', 'replay', 'listen', 'listened', 'stopListening'].map((action) => `${DELIVERIES_COLLECTION}:${action}`),
      // A subscription's state and renewal, read beside the history.
      `${SUBSCRIPTIONS_COLLECTION}:list`,
      `${SUBSCRIPTIONS_COLLECTION}:get`,
    ];
    const workflowSnippet = this.app.acl.snippetManager.snippets.get(WORKFLOW_SNIPPET);
    if (workflowSnippet) {
      workflowSnippet.actions.push(...actions);
    } else {
      this.app.acl.registerSnippet({ name: WORKFLOW_SNIPPET, actions });
    }
  }
}

export default PluginWorkflowWebhookServer;
