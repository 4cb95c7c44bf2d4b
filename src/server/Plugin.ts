import path from 'path';
import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { Plugin } from '@nocobase/server';

import { CALLBACK_NODE_TYPE, NAMESPACE, RESPONSE_NODE_TYPE, TRIGGER_TYPE } from '../common/constants';
import { defineAlerts } from './alerts/defineAlerts';
import { CallbackKeys } from './callback/CallbackKeys';
import { defineCallbacks } from './callback/defineCallbacks';
import { defineHistory } from './history/defineHistory';
import { Listeners } from './history/Listeners';
import { engineActivity } from './host/engine';
import { HostReport, nocobaseVersion } from './host/hostCheck';
import { reportMiddlewareOrder } from './host/middleware';
import { tuneSqlite } from './host/sqlite';
import { defineEndpoint } from './http/defineEndpoint';
import { normalizedApiPrefix } from './http/publicUrl';
import { RequestCount } from './http/WebhookEndpoint';
import { Inbox } from './inbox/Inbox';
import CallbackInstruction from './instructions/CallbackInstruction';
import ResponseInstruction from './instructions/ResponseInstruction';
import { defineMetrics } from './metrics/defineMetrics';
import { defineGivenUpReplay } from './replay/defineGivenUpReplay';
import { createScheduler } from './scheduling/createScheduler';
import type { RunScheduler } from './scheduling/RunScheduler';
import { defineSettings } from './settings/defineSettings';
import { RetentionStore } from './settings/RetentionStore';
import { defineStats } from './stats/defineStats';
import { defineSubscriptions } from './subscription/defineSubscriptions';
import { PeriodicSweep } from './support/PeriodicSweep';
import { secretReader } from './support/secrets';
import WebhookTrigger from './WebhookTrigger';

/** How often the key index is read again, so that other instances' changes are served. */
const INDEX_REFRESH_MS = Number(process.env.WEBHOOK_INDEX_REFRESH_MS) || 2_000;

/** What starts and stops with the app. */
interface Lifecycle {
  host: HostReport;
  makeKey: () => Promise<void>;
  inbox: Inbox;
  scheduler: RunScheduler;
  sweeps: PeriodicSweep[];
}

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
    // What the host-internal modules (./host) name when a start-up check fails.
    const host: HostReport = { version: nocobaseVersion(this.app), logger: this.app.logger };
    await tuneSqlite(this.db, host);
    const workflowPlugin = this.app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    // "/api" unless the app serves its API elsewhere; every URL the plugin matches or hands out uses it.
    const apiPrefix = normalizedApiPrefix(this.app.resourceManager.options.prefix);
    const secrets = secretReader(this.app.environment);
    // The installation's own random key signs callback tokens: the same on every instance and
    // across restarts, and known to no one who only has the code or the app's environment.
    const keys = new CallbackKeys(this.db);
    const requests = new RequestCount();
    const retention = new RetentionStore(this.db, this.app.logger);
    const listeners = new Listeners(this.db, this.app.logger);

    const scheduler = this.defineScheduler(workflowPlugin, requests, host);
    const { trigger, indexRefresh } = this.defineTrigger(workflowPlugin, scheduler);
    this.defineInstructions(workflowPlugin, keys, apiPrefix);
    const inbox = this.defineInbox(workflowPlugin, scheduler, retention);
    const metrics = defineMetrics(this.app, inbox);
    await defineEndpoint(this.app, {
      workflowPlugin,
      trigger,
      scheduler,
      inbox,
      listeners,
      secrets,
      apiPrefix,
      requests,
      metrics,
    });
    const callbacks = defineCallbacks(this.app, { workflowPlugin, keys, secrets, apiPrefix, host });
    const subscriptions = defineSubscriptions(this.app, apiPrefix);
    defineHistory(this.app, { db: this.db, starter: inbox.starter, listeners, instanceId: inbox.instanceId });
    defineGivenUpReplay(this.app, { db: this.db, starter: inbox.starter, instanceId: inbox.instanceId });
    const alerts = defineAlerts(this.app);
    defineSettings(this.app, retention);
    defineStats(this.app);
    this.defineLifecycle({
      host,
      makeKey: callbacks.makeKey,
      inbox,
      scheduler,
      // The sweeps that read the database on a timer.
      sweeps: [listeners.sweep, callbacks.timeouts.sweep, subscriptions.sweep, indexRefresh, alerts.sweep],
    });
  }

  /** How webhook runs are started: one at a time with the engine's own on SQLite, else concurrently. */
  private defineScheduler(
    workflowPlugin: PluginWorkflowServer,
    requests: RequestCount,
    host: HostReport,
  ): RunScheduler {
    return createScheduler(
      () => engineActivity(workflowPlugin, this.app.eventQueue, host),
      this.db.options.dialect ?? 'sqlite',
      this.app.logger,
      () => requests.active,
    );
  }

  /** The webhook trigger, and the timer that keeps its key index in line with the database. */
  private defineTrigger(workflowPlugin: PluginWorkflowServer, scheduler: RunScheduler) {
    const trigger = new WebhookTrigger(workflowPlugin, scheduler);
    workflowPlugin.registerTrigger(TRIGGER_TYPE, trigger);
    const indexRefresh = new PeriodicSweep({
      everyMs: INDEX_REFRESH_MS,
      run: () => trigger.syncWithDatabase(this.db),
      logger: this.app.logger,
      failure: '[webhook] reading workflows failed',
      level: 'error',
    });
    return { trigger, indexRefresh };
  }

  /** "HTTP Response" and "Wait for callback". */
  private defineInstructions(workflowPlugin: PluginWorkflowServer, keys: CallbackKeys, apiPrefix: string) {
    workflowPlugin.registerInstruction(RESPONSE_NODE_TYPE, new ResponseInstruction(workflowPlugin));
    workflowPlugin.registerInstruction(CALLBACK_NODE_TYPE, new CallbackInstruction(workflowPlugin, keys, apiPrefix));
  }

  /** The durable inbox every accepted delivery is stored in before it is answered. */
  private defineInbox(workflowPlugin: PluginWorkflowServer, scheduler: RunScheduler, retention: RetentionStore) {
    return new Inbox({
      db: this.db,
      lockManager: this.app.lockManager,
      workflowPlugin,
      scheduler,
      logger: this.app.logger,
      retention: () => retention.effective(),
    });
  }

  /**
   * After the app starts (and the workflow plugin with it, whose dispatcher the inbox needs): the
   * check that the endpoints run ahead of NocoBase's middleware (every plugin has added its own by
   * then), the callback key, the inbox, the sweeps. Before it stops, ahead of the workflow plugin's
   * own beforeStop (which stops taking events): the sweeps, the inbox, then the runs still held.
   */
  private defineLifecycle({ host, makeKey, inbox, scheduler, sweeps }: Lifecycle) {
    this.app.on('afterStart', async () => {
      reportMiddlewareOrder(this.app, ['webhook', 'webhook-callback', 'webhook-other-url-forms'], host);
      await makeKey();
      inbox.start();
      sweeps.forEach((sweep) => sweep.start());
    });
    this.app.prependListener('beforeStop', async () => {
      sweeps.forEach((sweep) => sweep.stop());
      await inbox.stop();
      await scheduler.drain();
    });
  }
}

export default PluginWorkflowWebhookServer;
