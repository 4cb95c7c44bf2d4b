import { useFlowEngine } from '@nocobase/flow-engine';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SubscriptionRow } from '../../common/subscriptions';
import { errorMessage } from '../history/errorMessage';

export interface SubscriptionState {
  /** `null`: this version was never registered with the sender. */
  row: SubscriptionRow | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** The registration of one workflow version with its sender, as `webhookSubscriptions` has it. */
export function useSubscriptionState(workflowId: number | string | undefined): SubscriptionState {
  const engine = useFlowEngine();
  const [row, setRow] = useState<SubscriptionRow | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only the latest read may show: a slow earlier one must not overwrite it.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    if (workflowId == null) {
      return;
    }
    const request = ++latest.current;
    setLoading(true);
    try {
      const response = await engine.context.api.request<{ data: SubscriptionRow[] }>({
        url: 'webhookSubscriptions:list',
        method: 'get',
        params: { filter: JSON.stringify({ workflowId }), pageSize: 1 },
      });
      if (request === latest.current) {
        setRow(response.data?.data?.[0] ?? null);
        setError(null);
      }
    } catch (caught) {
      if (request === latest.current) {
        setError(errorMessage(caught));
      }
    } finally {
      if (request === latest.current) {
        setLoading(false);
      }
    }
  }, [engine, workflowId]);

  useEffect(() => {
    void reload();
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  return { row, loading, error, reload };
}
