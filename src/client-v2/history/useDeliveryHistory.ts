import { useFlowContext } from '@nocobase/flow-engine';
import { useInterval, useRequest } from 'ahooks';
import { App } from 'antd';
import { useState } from 'react';
import { type DeliveryOutcome, type DeliveryRow, deliveryFilter, statesOf } from '../../common/deliveries';
import type { Body } from '../resources';
import { errorMessage } from './errorMessage';
import { executionsById, type ExecutionSummary } from './executions';

export const HISTORY_PAGE_SIZE = 20;
/** While a listed delivery waits or runs, the page is read again this often, until it has ended. */
const PENDING_REFRESH_MS = 2000;

const isPending = (row: DeliveryRow) => row.state === 'stored' || row.state === 'started';

/** Every workflow's deliveries, optionally narrowed to some outcomes. */
function allWorkflowsFilter(outcomes: readonly DeliveryOutcome[]) {
  return outcomes.length ? { state: { $in: statesOf(outcomes) } } : {};
}

/**
 * One page of a workflow's deliveries (or of every workflow's, without one), newest first, with
 * the executions they started.
 */
export function useDeliveryHistory(workflowId?: number | string) {
  const ctx = useFlowContext();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [outcomes, setOutcomes] = useState<DeliveryOutcome[]>([]);

  // `quiet` marks the reads that follow pending deliveries: no spinner, no error message.
  const history = useRequest(
    async (_quiet: boolean) => {
      const { data: body } = await ctx.api.resource('webhookDeliveries').list<Body<DeliveryRow[]>>({
        filter: workflowId == null ? allWorkflowsFilter(outcomes) : deliveryFilter(workflowId, outcomes),
        sort: '-id',
        page,
        pageSize: HISTORY_PAGE_SIZE,
      });
      const rows = body.data ?? [];
      const ids = rows.map((row) => row.executionId).filter((id): id is number | string => id != null);
      const executions = await executionsById(ctx.api, ids).catch((): Record<string, ExecutionSummary> => ({}));
      return { rows, total: body.meta?.count ?? 0, executions };
    },
    {
      defaultParams: [false],
      refreshDeps: [workflowId, outcomes, page],
      refreshDepsAction: (): void => history.run(false),
      onError: (error, [quiet]) => {
        if (!quiet) {
          message.error(errorMessage(error));
        }
      },
    },
  );
  const pending = Boolean(history.data?.rows.some(isPending));
  useInterval(() => history.run(true), pending ? PENDING_REFRESH_MS : undefined);

  const filter = (next: DeliveryOutcome[]) => {
    setOutcomes(next);
    setPage(1);
  };

  return {
    rows: history.data?.rows ?? [],
    total: history.data?.total ?? 0,
    executions: history.data?.executions ?? {},
    loading: history.loading && !history.params[0],
    page,
    setPage,
    outcomes,
    filter,
    reload: () => history.run(false),
  };
}
