import type { APIClient } from '@nocobase/flow-engine';
import { EXECUTION_STATUS } from '@nocobase/plugin-workflow/dist/common/executionStatus';
import type { Body } from '../resources';

/** The part of an `executions` record the delivery history reads. */
export interface ExecutionSummary {
  id: number | string;
  status: number | null;
  createdAt?: string | null;
  startedAt?: string | null;
  updatedAt?: string | null;
}

/** Enough of an execution for its status and duration; its context and output can be large. */
const EXECUTION_FIELDS = ['id', 'status', 'createdAt', 'startedAt', 'updatedAt'];

/** The executions with these ids, by id (as text). */
export async function executionsById(
  api: APIClient,
  ids: Array<number | string>,
): Promise<Record<string, ExecutionSummary>> {
  if (!ids.length) {
    return {};
  }
  const { data } = await api
    .resource('executions')
    .list<Body<ExecutionSummary[]>>({ filter: { id: { $in: ids } }, fields: EXECUTION_FIELDS, paginate: false });
  return Object.fromEntries((data.data ?? []).map((execution) => [String(execution.id), execution]));
}

export async function executionOf(api: APIClient, id: number | string): Promise<ExecutionSummary> {
  const { data } = await api
    .resource('executions')
    .get<Body<ExecutionSummary>>({ filterByTk: id, fields: EXECUTION_FIELDS });
  return data.data;
}

/** Milliseconds from start to end of an execution that has ended; null while it queues or runs. */
export function executionDuration(execution: ExecutionSummary | null | undefined): number | null {
  if (!execution || execution.status == null || execution.status === EXECUTION_STATUS.STARTED) {
    return null;
  }
  const start = Date.parse(execution.startedAt ?? execution.createdAt ?? '');
  const end = Date.parse(execution.updatedAt ?? '');
  if (Number.isNaN(start) || Number.isNaN(end)) {
    return null;
  }
  return Math.max(0, end - start);
}

/** `850 ms`, `1.2 s`, `2 m 5 s`, `1 h 3 m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60_000) {
    const seconds = ms / 1000;
    return `${seconds < 10 ? seconds.toFixed(1).replace(/\.0$/, '') : Math.round(seconds)} s`;
  }
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours ? `${hours} h ${minutes} m` : `${minutes} m ${seconds} s`;
}
