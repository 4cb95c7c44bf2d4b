import type { Context, Next } from '@nocobase/actions';
import { DEFAULT_STATS_RANGE, isStatsRange, STATS_RANGES } from '../../common/stats';
import type { DeliveryStats } from '../stats/DeliveryStats';

/**
 * `webhookDeliveries:stats?range=hour|day|week[&workflowId=…]`: the last hour's and day's
 * deliveries of every webhook workflow (or the one named) by outcome, the backlog waiting to
 * start, and the range's deliveries per bucket. Read-only.
 */
export function stats(deliveryStats: DeliveryStats) {
  return async (ctx: Context, next: Next) => {
    const params = ctx.action.params as { range?: unknown; workflowId?: unknown; values?: Record<string, unknown> };
    const range = params.range ?? params.values?.range ?? DEFAULT_STATS_RANGE;
    if (!isStatsRange(range)) {
      ctx.throw(400, `range must be one of ${Object.keys(STATS_RANGES).join(', ')}`);
    }
    const given = params.workflowId ?? params.values?.workflowId;
    const workflowId = given == null || given === '' ? undefined : String(given);
    if (workflowId != null && !/^\d+$/.test(workflowId)) {
      ctx.throw(400, 'workflowId must be a workflow id');
    }
    ctx.body = await deliveryStats.read({ range, workflowId });
    await next();
  };
}
