import { Database, Op } from '@nocobase/database';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import type { AttemptRecord } from '../../common/deliveries';
import type { WebhookTriggerConfig } from '../../common/types';
import type { Log } from '../support/Log';
import { rawRows } from '../support/typedReads';
import { DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE, DeliveryState } from './DeliveryRecord';
import { attemptEventKey, retryableOutcomeOf, retryDelayMs, RetryPolicy, retryPolicyOf } from './retryPolicy';

/** An attempt whose execution has ended, as the sweeper found it. */
export interface EndedAttempt {
  id: number;
  eventKey: string;
  workflowId: number;
  sync: boolean;
  attempt: number | null;
  executionId: number;
  status: number | null;
}

/** Due retries moved back into the inbox per sweep, at most. */
const PAGE = 500;
/** An attempt's error is kept short: the execution holds the whole of it. */
const MAX_ERROR_LENGTH = 500;

function isEnded(status: number | null) {
  return status != null && Number(status) !== 0;
}

function messageOf(result: unknown): string | null {
  if (result == null) {
    return null;
  }
  const message =
    typeof result === 'string'
      ? result
      : typeof (result as { message?: unknown }).message === 'string'
        ? (result as { message: string }).message
        : JSON.stringify(result);
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

/**
 * The attempts of async deliveries whose workflow retries (`config.retry`). Used by the inbox
 * sweeper, under its lock, so one process at a time decides: an ended attempt is logged on its row
 * and the row becomes `retrying` (with the time the next attempt is due), `gaveUp`, `failed` or
 * `finished`; a due retry is moved back to `stored` under its next attempt's event key, and the
 * sweeper starts it like any stored delivery, so the engine's unique event key runs it once.
 */
export class DeliveryAttempts {
  /** Told the workflow's key of each delivery given up. */
  onGaveUp?: (workflowKey: string) => void;

  constructor(
    private readonly db: Database,
    private readonly findWorkflow: (id: number) => Promise<WorkflowModel | null>,
    private readonly logger: Log,
    private readonly instanceId: string,
  ) {}

  private get model() {
    return this.db.getModel(DELIVERIES_COLLECTION);
  }

  /** Records the ended attempts of retrying workflows; returns the ids it recorded (the rest are the caller's). */
  async recordEnded(attempts: EndedAttempt[]): Promise<Set<number>> {
    const recorded = new Set<number>();
    const candidates = attempts.filter((attempt) => !attempt.sync && isEnded(attempt.status));
    if (!candidates.length) {
      return recorded;
    }
    const { policies, keys } = await this.policiesOf(candidates);
    const retrying = candidates.filter((attempt) => policies.get(Number(attempt.workflowId)));
    if (!retrying.length) {
      return recorded;
    }
    const logs = await this.logsOf(retrying.map((attempt) => attempt.id));
    for (const attempt of retrying) {
      const policy = policies.get(Number(attempt.workflowId)) as RetryPolicy;
      const state = await this.recordOne(attempt, policy, logs.get(attempt.id) ?? []);
      if (state === DELIVERY_STATE.GAVE_UP) {
        this.onGaveUp?.(keys.get(Number(attempt.workflowId)) ?? '');
      }
      recorded.add(attempt.id);
    }
    return recorded;
  }

  /** The state written, or null when the row had moved on (another sweep recorded it). */
  private async recordOne(
    ended: EndedAttempt,
    policy: RetryPolicy,
    log: AttemptRecord[],
  ): Promise<DeliveryState | null> {
    const attempt = Number(ended.attempt) || 1;
    const status = ended.status == null ? null : Number(ended.status);
    const succeeded = status != null && status > 0;
    const entry: AttemptRecord = {
      attempt,
      executionId: ended.executionId,
      status,
      error: succeeded ? null : await this.errorOf(ended.executionId),
      endedAt: new Date().toISOString(),
    };
    const outcome = retryableOutcomeOf(status);
    const covered = outcome != null && policy.on.includes(outcome);
    let state: DeliveryState = succeeded ? DELIVERY_STATE.FINISHED : DELIVERY_STATE.FAILED;
    let nextAttemptAt: Date | null = null;
    if (covered && attempt < policy.attempts) {
      state = DELIVERY_STATE.RETRYING;
      nextAttemptAt = new Date(Date.now() + retryDelayMs(policy, attempt));
    } else if (covered) {
      state = DELIVERY_STATE.GAVE_UP;
    }
    // Only the row still on this attempt, not yet recorded: a stale read changes nothing.
    const [changed] = await this.model.update(
      {
        state,
        executionId: ended.executionId,
        nextAttemptAt,
        attemptLog: [...log.filter((earlier) => earlier.attempt !== attempt), entry],
      },
      {
        where: {
          id: ended.id,
          eventKey: ended.eventKey,
          state: { [Op.in]: [DELIVERY_STATE.STORED, DELIVERY_STATE.STARTED] },
        },
      },
    );
    if (changed && state === DELIVERY_STATE.RETRYING) {
      this.logger.info(
        `[webhook] delivery ${ended.id}: attempt ${attempt} of ${policy.attempts} ended ${outcome}, next at ${nextAttemptAt?.toISOString()}`,
      );
    } else if (changed && state === DELIVERY_STATE.GAVE_UP) {
      this.logger.warn(`[webhook] delivery ${ended.id}: gave up after ${attempt} attempts (${entry.error ?? outcome})`);
    }
    return changed ? state : null;
  }

  /** The retry policy of each workflow version the attempts ran, null where it does not retry. */
  private async policiesOf(attempts: EndedAttempt[]) {
    const policies = new Map<number, RetryPolicy | null>();
    const keys = new Map<number, string>();
    for (const workflowId of new Set(attempts.map((attempt) => Number(attempt.workflowId)))) {
      const workflow = await this.findWorkflow(workflowId);
      policies.set(workflowId, retryPolicyOf(workflow?.config as WebhookTriggerConfig | undefined));
      if (workflow) {
        keys.set(workflowId, workflow.key);
      }
    }
    return { policies, keys };
  }

  /** Not `raw`: JSON columns come back as text from SQLite and MySQL unless the model reads them. */
  private async logsOf(ids: number[]) {
    const rows = await this.model.findAll({ where: { id: { [Op.in]: ids } }, attributes: ['id', 'attemptLog'] });
    return new Map(rows.map((row) => [Number(row.get('id')), (row.get('attemptLog') as AttemptRecord[] | null) ?? []]));
  }

  /** The failing node's message, else nothing: the execution itself holds the details. */
  private async errorOf(executionId: number): Promise<string | null> {
    const job = await this.db.getModel('jobs').findOne({
      where: { executionId, status: { [Op.lt]: 0 } },
      attributes: ['result'],
      order: [['id', 'DESC']],
    });
    return messageOf(job?.get('result'));
  }

  /**
   * Moves due retries back to `stored` as their next attempt, each by one conditional statement
   * (only from `retrying` at the attempt read), so a retry is moved once however many sweeps see it.
   * The row is marked as this process's own, so the same sweep starts it.
   */
  async promoteDue(): Promise<number> {
    const due = await rawRows<{ id: number; eventKey: string; attempt: number | null }>(
      this.db,
      DELIVERIES_COLLECTION,
      {
        where: { state: DELIVERY_STATE.RETRYING, nextAttemptAt: { [Op.lte]: new Date() } },
        attributes: ['id', 'eventKey', 'attempt'],
        order: [['id', 'ASC']],
        limit: PAGE,
      },
    );
    let moved = 0;
    for (const row of due) {
      const attempt = Number(row.attempt) || 1;
      const [changed] = await this.model.update(
        {
          state: DELIVERY_STATE.STORED,
          attempt: attempt + 1,
          eventKey: attemptEventKey(row.eventKey, attempt + 1),
          nextAttemptAt: null,
          executionId: null,
          instanceId: this.instanceId,
        },
        { where: { id: row.id, state: DELIVERY_STATE.RETRYING, attempt: row.attempt ?? null } },
      );
      moved += changed;
    }
    return moved;
  }
}
