import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest } from 'ahooks';
import type { SubscriptionRow } from '../../common/subscriptions';
import { errorMessage } from '../history/errorMessage';
import type { Body } from '../resources';

export interface SubscriptionState {
  /** `null`: this version was never registered with the sender. */
  row: SubscriptionRow | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/** The registration of one workflow version with its sender, as `webhookSubscriptions` has it. */
export function useSubscriptionState(workflowId: number | string | undefined): SubscriptionState {
  const ctx = useFlowContext();
  const { data, loading, error, refresh } = useRequest(
    async () => {
      const { data: body } = await ctx.api
        .resource('webhookSubscriptions')
        .list<Body<SubscriptionRow[]>>({ filter: { workflowId }, pageSize: 1 });
      return body.data?.[0] ?? null;
    },
    { ready: workflowId != null, refreshDeps: [workflowId] },
  );
  return { row: data ?? null, loading, error: error ? errorMessage(error) : null, reload: refresh };
}
