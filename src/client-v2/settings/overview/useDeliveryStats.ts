import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest } from 'ahooks';
import type { DeliveryStatsView, StatsRange } from '../../../common/stats';
import type { Body } from '../../resources';

/** How often the overview reads its numbers again while it is open. */
const REFRESH_MS = 30_000;

/** `webhookDeliveries:stats` for a range, all webhook workflows or one, read again every half minute. */
export function useDeliveryStats(range: StatsRange, workflowId?: number | string) {
  const ctx = useFlowContext();
  return useRequest(
    async () => {
      const resource = ctx.api.resource('webhookDeliveries');
      const params = workflowId == null ? { range } : { range, workflowId };
      return (await resource.stats<Body<DeliveryStatsView>>(params)).data.data;
    },
    { refreshDeps: [range, workflowId], pollingInterval: REFRESH_MS, pollingWhenHidden: false },
  );
}
