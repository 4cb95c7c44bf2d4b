import { useFlowEngine } from '@nocobase/flow-engine';
import { useMemo } from 'react';
import type { DeliveryRow } from '../../common/deliveries';
import type { ExecutionSummary } from '../../common/executions';
import type { ListenedRequest } from '../../common/requestKeys';

export interface DeliveryPage {
  rows: DeliveryRow[];
  total: number;
}

export interface Replayed {
  id: number;
  replayOf: number;
  eventKey: string;
}

export interface Listener {
  id: number | string;
  createdAt?: string;
  expiresAt: string;
}

export interface ListenResult {
  status: 'waiting' | 'captured' | 'expired';
  request: ListenedRequest | null;
}

/** Enough of an execution for its status and duration; its context and output can be large. */
const EXECUTION_FIELDS = 'id,status,createdAt,startedAt,updatedAt';

interface Wrapped<T> {
  data: T;
  meta?: { count?: number };
}

/** The delivery history API (`webhookDeliveries:*`) and the executions it links to, in either client. */
export function useDeliveryApi() {
  const engine = useFlowEngine();
  return useMemo(() => {
    const call = async <T>(config: Record<string, unknown>) =>
      (await engine.context.api.request<Wrapped<T>>(config)).data;
    return {
      async list(filter: object, page: number, pageSize: number): Promise<DeliveryPage> {
        const body = await call<DeliveryRow[]>({
          url: 'webhookDeliveries:list',
          method: 'get',
          params: { filter: JSON.stringify(filter), sort: '-id', page, pageSize },
        });
        return { rows: body.data ?? [], total: body.meta?.count ?? 0 };
      },
      async get(id: number | string): Promise<DeliveryRow> {
        return (await call<DeliveryRow>({ url: 'webhookDeliveries:get', method: 'get', params: { filterByTk: id } }))
          .data;
      },
      async replay(ids: Array<number | string>): Promise<Replayed[]> {
        return (await call<Replayed[]>({ url: 'webhookDeliveries:replay', method: 'post', data: { ids } })).data;
      },
      async executions(ids: Array<number | string>): Promise<ExecutionSummary[]> {
        if (!ids.length) {
          return [];
        }
        const body = await call<ExecutionSummary[]>({
          url: 'executions:list',
          method: 'get',
          params: {
            filter: JSON.stringify({ id: { $in: ids } }),
            fields: EXECUTION_FIELDS,
            paginate: false,
          },
        });
        return body.data ?? [];
      },
      async execution(id: number | string): Promise<ExecutionSummary> {
        return (
          await call<ExecutionSummary>({
            url: 'executions:get',
            method: 'get',
            params: { filterByTk: id, fields: EXECUTION_FIELDS },
          })
        ).data;
      },
      async listen(workflowId: number | string): Promise<Listener> {
        return (await call<Listener>({ url: 'webhookDeliveries:listen', method: 'post', data: { workflowId } })).data;
      },
      async listened(listenerId: number | string): Promise<ListenResult> {
        return (
          await call<ListenResult>({
            url: 'webhookDeliveries:listened',
            method: 'get',
            params: { filterByTk: listenerId },
          })
        ).data;
      },
      async stopListening(listenerId: number | string): Promise<void> {
        await call<unknown>({
          url: 'webhookDeliveries:stopListening',
          method: 'post',
          params: { filterByTk: listenerId },
        });
      },
    };
  }, [engine]);
}

export type DeliveryApi = ReturnType<typeof useDeliveryApi>;
