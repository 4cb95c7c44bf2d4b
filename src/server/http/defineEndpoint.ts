import type { Counter } from '@nocobase/cache';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import type { Application } from '@nocobase/server';
import type { Listeners } from '../history/Listeners';
import { RefusalRecorder } from '../history/RefusalRecorder';
import { placeAheadOfNocoBase } from '../host/middleware';
import type { Inbox } from '../inbox/Inbox';
import type { WebhookMetrics } from '../metrics/WebhookMetrics';
import { deliveryPipeline } from '../pipeline/deliveryPipeline';
import { capacityFromEnv } from '../pipeline/stages/guardCapacity';
import type { RunScheduler } from '../scheduling/RunScheduler';
import type { SecretReader } from '../support/secrets';
import type { FileManager } from '../uploads/fileManager';
import type WebhookTrigger from '../WebhookTrigger';
import { answerOtherUrlForms, RequestCount, WebhookEndpoint } from './WebhookEndpoint';

export interface EndpointDeps {
  workflowPlugin: PluginWorkflowServer;
  trigger: WebhookTrigger;
  scheduler: RunScheduler;
  inbox: Inbox;
  listeners: Listeners;
  secrets: SecretReader;
  apiPrefix: string;
  /** Counted by the endpoint, read by the capacity guard and the scheduler. */
  requests: RequestCount;
  /** Told of every answered request, for the operators' metrics. */
  metrics: WebhookMetrics;
}

/**
 * `/api/webhook:trigger/<key>`: the delivery pipeline in a middleware near the top of NocoBase's
 * chain, every refusal recorded in the history, and every other form of the URL answered as an
 * unknown key.
 */
export async function defineEndpoint(app: Application, deps: EndpointDeps): Promise<void> {
  const { inbox, apiPrefix, requests, metrics } = deps;
  const rateCounter = (await app.cacheManager.createCounter(
    { name: 'webhookRateLimit', prefix: 'webhook:rate' },
    app.lockManager,
  )) as Counter;
  const fileManager = () => {
    const plugin = app.pm.get('file-manager') as unknown as (FileManager & { enabled?: boolean }) | undefined;
    return plugin?.enabled ? plugin : null;
  };
  const load = {
    get requests() {
      return requests.active;
    },
    get backlog() {
      return inbox.backlog;
    },
  };
  const pipeline = deliveryPipeline({
    ...deps,
    db: app.db,
    rateCounter,
    fileManager,
    capacity: capacityFromEnv(),
    load,
  });
  const refusals = new RefusalRecorder(app.db, app.logger);
  const endpoint = new WebhookEndpoint({
    pipeline,
    logger: app.logger,
    requestLog: app.requestLogger,
    apiPrefix,
    afterAnswer: (delivery, answer) => {
      refusals.record(delivery, answer);
      metrics.answered(delivery, answer);
    },
    requests,
  });
  placeAheadOfNocoBase(app, endpoint.middleware, 'webhook');
  // After both endpoints' own middleware.
  const otherUrlForms = answerOtherUrlForms(apiPrefix, endpoint);
  placeAheadOfNocoBase(app, otherUrlForms, 'webhook-other-url-forms', ['webhook', 'webhook-callback']);
}
