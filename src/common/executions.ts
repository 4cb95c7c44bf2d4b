/** The part of an `executions` record the delivery history reads. */
export interface ExecutionSummary {
  id: number | string;
  status: number | null;
  createdAt?: string | null;
  startedAt?: string | null;
  updatedAt?: string | null;
}

/** `EXECUTION_STATUS` of the workflow plugin, by name. */
export type ExecutionStatusName =
  'queueing' | 'running' | 'resolved' | 'failed' | 'error' | 'aborted' | 'canceled' | 'rejected' | 'retry-needed';

const STATUS_NAMES: Record<number, ExecutionStatusName> = {
  0: 'running',
  1: 'resolved',
  [-1]: 'failed',
  [-2]: 'error',
  [-3]: 'aborted',
  [-4]: 'canceled',
  [-5]: 'rejected',
  [-6]: 'retry-needed',
};

export function executionStatusName(status: number | null | undefined): ExecutionStatusName {
  if (status == null) {
    return 'queueing';
  }
  return STATUS_NAMES[status] ?? (status > 0 ? 'resolved' : 'failed');
}

/** Milliseconds from start to end of an execution that has ended; null while it queues or runs. */
export function executionDuration(execution: ExecutionSummary | null | undefined): number | null {
  if (!execution || execution.status == null || execution.status === 0) {
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

/**
 * Where an execution opens, in the client that shows the canvas: the canvas path with its
 * `workflows/<id>` part swapped for `executions/<id>` keeps the client's own prefix (`/v/` for v2,
 * `/settings/` in v1, a public path). Elsewhere the settings route, which both clients serve.
 */
export function executionPath(pathname: string, executionId: number | string): string {
  const id = encodeURIComponent(String(executionId));
  const canvas = pathname.match(/^(.*\/)workflows\/[^/]+\/?$/);
  if (canvas) {
    return `${canvas[1]}executions/${id}`;
  }
  const admin = pathname.indexOf('/admin/');
  const prefix = admin >= 0 ? pathname.slice(0, admin) : '';
  return `${prefix}/admin/settings/workflow/executions/${id}`;
}
