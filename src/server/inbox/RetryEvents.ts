/**
 * What the inbox's sweeper tells about retries as it starts and ends them. Whoever listens (the
 * operators' metrics) is told the workflow's key only, never anything of the delivery.
 */
export interface RetryEvents {
  /** A later attempt of a stored delivery was handed to the engine. */
  retryStarted(workflowKey: string): void;
  /** A delivery's last attempt failed: nothing runs it again unless someone replays it. */
  gaveUp(workflowKey: string): void;
}
