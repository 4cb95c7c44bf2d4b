import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import type { WebhookContext } from '../../common/types';
import type { Log } from '../support/Log';
import type { RunScheduler } from '../scheduling/RunScheduler';
import { withAttempt } from './retryPolicy';

/** Deliveries handed to the engine but not yet written as executions, at most, per process. */
export const DEFAULT_MAX_IN_FLIGHT = 1000;

/**
 * Hands stored async deliveries to the workflow engine, each under its own event key. The engine
 * keeps handed-over events in memory until it has written their execution rows, so the number in
 * that state is bounded: what does not fit stays in the inbox until the sweeper brings it.
 */
export class DeliveryStarter {
  private readonly inFlight = new Set<string>();
  private stopped = false;

  constructor(
    private readonly workflowPlugin: PluginWorkflowServer,
    private readonly scheduler: RunScheduler,
    private readonly logger: Log,
    private readonly maxInFlight = DEFAULT_MAX_IN_FLIGHT,
  ) {}

  get room(): number {
    return Math.max(0, this.maxInFlight - this.inFlight.size);
  }

  isInFlight(eventKey: string): boolean {
    return this.inFlight.has(eventKey);
  }

  /**
   * Returns false when the delivery is already on its way or there is no room: it stays stored.
   * `attempt`: which run of the delivery this is, seen as `$context.attempt` where the workflow retries.
   */
  start(workflow: WorkflowModel, context: WebhookContext, eventKey: string, attempt = 1): boolean {
    if (this.inFlight.has(eventKey) || this.inFlight.size >= this.maxInFlight) {
      return false;
    }
    this.inFlight.add(eventKey);
    this.scheduler.startAsync(() => {
      if (this.stopped) {
        // Still stored: the next start of the app runs it.
        this.inFlight.delete(eventKey);
        return;
      }
      return this.workflowPlugin.trigger(workflow, withAttempt(workflow.config, context, attempt), {
        eventKey,
        // The version that accepted the delivery runs it, even if it was switched off since.
        force: true,
        onTriggerFail: (_workflow: unknown, _context: unknown, _options: unknown, error: unknown) => {
          this.inFlight.delete(eventKey);
          // A second start of a delivery that already has its execution ends here, by design.
          this.logger.debug(`[webhook] workflow ${workflow.id}: delivery not started now, it stays stored`, { error });
        },
      });
    });
    return true;
  }

  /** The app is stopping: deliveries not yet handed over stay in the inbox. */
  stop() {
    this.stopped = true;
  }

  resume() {
    this.stopped = false;
  }

  /** Its execution row exists: the engine no longer needs the delivery in memory. */
  settled(eventKey: string) {
    this.inFlight.delete(eventKey);
  }
}
