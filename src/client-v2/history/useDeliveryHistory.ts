import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type DeliveryOutcome, type DeliveryRow, deliveryFilter } from '../../common/deliveries';
import type { ExecutionSummary } from '../../common/executions';
import { errorMessage } from './errorMessage';
import { useDeliveryApi } from './useDeliveryApi';

export const HISTORY_PAGE_SIZE = 20;
/** While a listed delivery waits or runs, the page is read again this often, until it has ended. */
const PENDING_REFRESH_MS = 2000;

const isPending = (row: DeliveryRow) => row.state === 'stored' || row.state === 'started';

/** One page of a workflow's deliveries, newest first, with the executions they started. */
export function useDeliveryHistory(workflowId: number | string) {
  const api = useDeliveryApi();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [outcomes, setOutcomes] = useState<DeliveryOutcome[]>([]);
  const [rows, setRows] = useState<DeliveryRow[]>([]);
  const [total, setTotal] = useState(0);
  const [executions, setExecutions] = useState<Record<string, ExecutionSummary>>({});
  const [loading, setLoading] = useState(false);
  // Only the latest request may fill the table: a slow earlier page must not overwrite it.
  const latest = useRef(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(
    async (quiet: boolean) => {
      const request = ++latest.current;
      if (refreshTimer.current) {
        clearTimeout(refreshTimer.current);
        refreshTimer.current = null;
      }
      if (!quiet) {
        setLoading(true);
      }
      try {
        const result = await api.list(deliveryFilter(workflowId, outcomes), page, HISTORY_PAGE_SIZE);
        const ids = result.rows.map((row) => row.executionId).filter((id): id is number | string => id != null);
        const found = await api.executions(ids).catch((): ExecutionSummary[] => []);
        if (request !== latest.current) {
          return;
        }
        setRows(result.rows);
        setTotal(result.total);
        setExecutions(Object.fromEntries(found.map((execution) => [String(execution.id), execution])));
        if (result.rows.some(isPending)) {
          refreshTimer.current = setTimeout(() => void load(true), PENDING_REFRESH_MS);
        }
      } catch (error) {
        if (request === latest.current && !quiet) {
          message.error(errorMessage(error));
        }
      } finally {
        if (request === latest.current) {
          setLoading(false);
        }
      }
    },
    [api, message, workflowId, outcomes, page],
  );

  const reload = useCallback(() => load(false), [load]);

  useEffect(() => {
    void load(false);
  }, [load]);

  useEffect(
    () => () => {
      latest.current += 1;
      if (refreshTimer.current) {
        clearTimeout(refreshTimer.current);
      }
    },
    [],
  );

  const filter = useCallback((next: DeliveryOutcome[]) => {
    setOutcomes(next);
    setPage(1);
  }, []);

  return { rows, total, executions, loading, page, setPage, outcomes, filter, reload };
}
