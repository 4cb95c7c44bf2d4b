/** A capture is deleted this long after its listening window ended: it holds a request's data. */
export const CAPTURE_KEPT_MS = 60 * 60_000;

/** The columns of a `webhookListeners` row that say when it listens. */
export interface ListenerWindow {
  id: number | string;
  workflowKey: string;
  /** When the request was handed over, which ends the window early. */
  capturedAt: Date | string | null;
  /** When the window ends without a request (set to the moment of a cancel). */
  expiresAt: Date | string;
}

function time(value: Date | string): number {
  return new Date(value).getTime();
}

/**
 * Splits the listener rows at `now` into the keys still listened to and the rows whose window
 * ended more than `CAPTURE_KEPT_MS` ago (captured or not), which are to be deleted.
 */
export function sortListenerWindows(
  rows: ListenerWindow[],
  now: number,
): { listening: Set<string>; ended: Array<number | string> } {
  const listening = new Set<string>();
  const ended: Array<number | string> = [];
  for (const row of rows) {
    const windowEnd = row.capturedAt ? time(row.capturedAt) : time(row.expiresAt);
    if (!row.capturedAt && windowEnd > now) {
      listening.add(row.workflowKey);
    } else if (windowEnd + CAPTURE_KEPT_MS <= now) {
      ended.push(row.id);
    }
  }
  return { listening, ended };
}
