import type { Application } from '@nocobase/server';
import { NAMESPACE } from '../../common/constants';
import type { Inbox } from '../inbox/Inbox';
import { WebhookMetrics } from './WebhookMetrics';

/**
 * The operators' metrics, on the meter of the app's own telemetry (started before plugins load,
 * with the readers `TELEMETRY_METRIC_READER` names): deliveries and answer times (told by the
 * endpoint), the inbox's backlog, its retries and given-up deliveries. With telemetry off they
 * cost nothing and say so once, at debug level.
 */
export function defineMetrics(app: Application, inbox: Inbox): WebhookMetrics {
  const meter = app.telemetry?.metric?.getMeter(NAMESPACE) ?? null;
  if (!meter) {
    app.logger.debug('[webhook] metrics are off: the app has no telemetry started (TELEMETRY_ENABLED=on starts it)');
  }
  const metrics = new WebhookMetrics(meter);
  metrics.observeBacklog(() => inbox.backlog);
  inbox.reportRetriesTo(metrics);
  return metrics;
}
