import type { HttpAnswer } from './HttpAnswer';

/**
 * The answer slot of one waiting HTTP request. The first HTTP Response node to reach it wins;
 * once the request has been answered (or given up on by the timeout) later offers are refused.
 */
export class WebhookResponder {
  private offered: HttpAnswer | null = null;
  private closed = false;
  /** The HTTP Response node's job whose answer was taken, and the result it recorded. */
  private job: { id: string; result: Record<string, unknown> } | null = null;

  offer(answer: HttpAnswer): boolean {
    if (this.closed || this.offered) {
      return false;
    }
    this.offered = answer;
    return true;
  }

  /** Remembers which job recorded the taken answer as sent, to correct it if it never arrives. */
  takenBy(jobId: string, result: Record<string, unknown>) {
    this.job = { id: jobId, result };
  }

  get answeringJob() {
    return this.job;
  }

  close() {
    this.closed = true;
  }

  get answer(): HttpAnswer | null {
    return this.offered;
  }
}

/** The processor option name under which a run finds its responder. */
export const RESPONDER_OPTION = 'webhookResponder';
