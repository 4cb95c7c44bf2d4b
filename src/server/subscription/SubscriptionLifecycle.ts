import type { Database, Transactionable } from '@nocobase/database';
import { Op } from '@nocobase/database';
import { TRIGGER_TYPE } from '../../common/constants';
import type { SubscriptionConfig, SubscriptionStep, WebhookTriggerConfig } from '../../common/types';
import type { LockManager } from '@nocobase/lock-manager';
import type { Log } from '../support/Log';
import { PeriodicSweep } from '../support/PeriodicSweep';
import type { SecretSource } from '../support/secrets';
import { CallVariables, callProvider, ProviderAnswer, ProviderCallFailed, render } from './providerCall';
import { SUBSCRIPTIONS_COLLECTION } from '../constants';
import { findRecord } from '../support/typedReads';

const SWEEP_MS = Number(process.env.WEBHOOK_SUBSCRIPTION_SWEEP_MS) || 2_000;
/** How long an instance holds a renewal it claimed (a crashed one's claim runs out). */
const CLAIM_MS = 60_000;
/** Renew this long before the sender's deadline at the most (a tenth of the interval when shorter). */
const MAX_LEAD_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const LOCK = 'webhook:subscription-renewals';

export type CallKind = 'subscribe' | 'refresh' | 'unsubscribe';

interface WorkflowLike {
  id: number | string;
  key: string;
  get(name: string): unknown;
  changed(name: string): boolean;
  previous(name: string): unknown;
}

interface SubscriptionRow {
  id: number;
  workflowId: number | string;
  workflowKey: string;
  status: string;
  state: Record<string, unknown>;
  nextRefreshAt: Date | null;
  failures: number;
  renewals: number;
  lastCallAt: Date | null;
  /** The URL the sender was given when subscribing. */
  webhookUrl?: string | null;
}

export interface LifecycleDeps {
  db: Database;
  lockManager: LockManager;
  logger: Log;
  environment: SecretSource;
  /**
   * This workflow's URL, which the sender must reach: absolute when `WEBHOOK_PUBLIC_URL` is set or
   * an admin's request is saving the workflow. The URL a subscription was made with is kept with it
   * for its renewals and removal, which run with no request.
   */
  webhookUrl(key: string): string;
  /** Writes one outgoing call to the workflow's delivery history. */
  recordCall(
    workflowId: number | string,
    workflowKey: string,
    kind: CallKind,
    step: SubscriptionStep,
    outcome: ProviderAnswer | ProviderCallFailed,
  ): void;
}

class SubscribeRefused extends Error {
  status = 400;
}

function subscriptionOf(workflow: WorkflowLike): SubscriptionConfig | null {
  if (workflow.get('type') !== TRIGGER_TYPE) {
    return null;
  }
  return ((workflow.get('config') ?? {}) as WebhookTriggerConfig).subscription ?? null;
}

function dateOf(value: unknown): Date | null {
  if (value == null || value === '') {
    return null;
  }
  const number = Number(value);
  // Seconds since the epoch, milliseconds, or a date string.
  const date = Number.isFinite(number) ? new Date(number < 1e12 ? number * 1000 : number) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The webhook's whole life with its sender: `subscribe` when the workflow is enabled (a refusal
 * keeps it disabled, with the sender's answer as the error), `refresh` before the subscription
 * expires (once across the cluster, retried with backoff), `unsubscribe` when it is disabled,
 * deleted or replaced by another version (logged, never blocking). Every call is in the history.
 */
export class SubscriptionLifecycle {
  private readonly subscribed = new WeakMap<
    object,
    { state: Record<string, unknown>; nextRefreshAt: Date | null; webhookUrl: string }
  >();
  /**
   * Renews what is due, started and stopped with the app, on one instance at a time (NocoBase's
   * lock manager). Each due subscription is also claimed (see `refreshDue`), so that exactly one
   * instance renews it even where the lock adapter is per process.
   */
  readonly sweep: PeriodicSweep;

  constructor(private readonly deps: LifecycleDeps) {
    this.sweep = new PeriodicSweep({
      everyMs: SWEEP_MS,
      run: () => this.refreshDue(),
      logger: deps.logger,
      failure: '[webhook] renewing subscriptions failed',
      lock: { lockManager: deps.lockManager, key: LOCK, ttlMs: CLAIM_MS },
    });
  }

  private get model() {
    return this.deps.db.getModel(SUBSCRIPTIONS_COLLECTION);
  }

  private variables(
    key: string,
    state: Record<string, unknown>,
    response?: ProviderAnswer,
    url: string = this.deps.webhookUrl(key),
  ): CallVariables {
    return {
      $webhook: { url, key },
      $state: state,
      $env: this.deps.environment.getVariables() ?? {},
      ...(response ? { $response: { status: response.status, body: response.body } } : {}),
    };
  }

  private async call(
    workflow: { id: number | string; key: string },
    kind: CallKind,
    step: SubscriptionStep,
    variables: CallVariables,
  ) {
    try {
      const answer = await callProvider(step, variables);
      this.deps.recordCall(workflow.id, workflow.key, kind, step, answer);
      return answer;
    } catch (error) {
      const failed =
        error instanceof ProviderCallFailed ? error : new ProviderCallFailed((error as Error).message, null);
      this.deps.recordCall(workflow.id, workflow.key, kind, step, failed);
      throw failed;
    }
  }

  /** What to keep and when to renew, from an answer to subscribe or refresh. */
  private outcome(
    step: SubscriptionStep,
    refresh: SubscriptionStep | null | undefined,
    variables: CallVariables,
    earlier: Record<string, unknown>,
  ) {
    const state = { ...earlier, ...(step.state ? render(step.state, variables) : {}) };
    const every = Number(refresh?.every);
    const next =
      dateOf(step.nextRefreshAt ? render(step.nextRefreshAt, variables) : null) ??
      (every > 0 ? new Date(Date.now() + every * 1000) : null);
    return { state, nextRefreshAt: refresh?.url ? next : null };
  }

  /** `workflows.beforeSave`: enabling a version with a subscription subscribes first. */
  beforeSave = async (workflow: WorkflowLike) => {
    const subscription = subscriptionOf(workflow);
    if (!subscription?.subscribe?.url || !workflow.get('enabled') || !workflow.changed('enabled')) {
      return;
    }
    const webhookUrl = this.deps.webhookUrl(workflow.key);
    if (!/^https?:\/\//.test(webhookUrl)) {
      throw new SubscribeRefused(
        'Set WEBHOOK_PUBLIC_URL to the address senders reach this app at: the sender needs an absolute URL',
      );
    }
    const variables = this.variables(workflow.key, {}, undefined, webhookUrl);
    let answer: ProviderAnswer;
    try {
      answer = await this.call(workflow, 'subscribe', subscription.subscribe, variables);
    } catch (error) {
      throw new SubscribeRefused(
        `The sender refused the subscription, the workflow stays disabled: ${(error as Error).message}`,
      );
    }
    const withAnswer = this.variables(workflow.key, {}, answer, webhookUrl);
    this.subscribed.set(workflow, {
      ...this.outcome(subscription.subscribe, subscription.refresh, withAnswer, {}),
      webhookUrl,
    });
  };

  /** `workflows.afterSave`: keeps a new subscription, or removes the one of a version switched off. */
  afterSave = async (workflow: WorkflowLike, options: Transactionable) => {
    const fresh = this.subscribed.get(workflow);
    if (fresh) {
      this.subscribed.delete(workflow);
      const values = {
        workflowKey: workflow.key,
        status: 'active',
        ...fresh,
        failures: 0,
        lastError: null,
        lastCallAt: new Date(),
        claimedUntil: null,
      };
      const [row] = await this.model.findOrCreate({
        where: { workflowId: workflow.id },
        defaults: values,
        transaction: options.transaction,
      });
      await row.update(values, { transaction: options.transaction });
      return;
    }
    if (workflow.changed('enabled') && workflow.previous('enabled') && !workflow.get('enabled')) {
      this.unsubscribeLater(workflow, options);
    }
  };

  /** `workflows.afterDestroy`. */
  afterDestroy = (workflow: WorkflowLike, options: Transactionable) => this.unsubscribeLater(workflow, options);

  /** After the commit, so that a slow or failing sender never holds or undoes the disable. */
  private unsubscribeLater(workflow: WorkflowLike, options: Transactionable) {
    const run = () =>
      this.unsubscribe(workflow).catch((error) =>
        this.deps.logger.warn(`[webhook] workflow ${workflow.id}: unsubscribing failed`, { error }),
      );
    const { transaction } = options;
    if (transaction?.afterCommit) {
      transaction.afterCommit(() => void run());
    } else {
      void run();
    }
  }

  async unsubscribe(workflow: WorkflowLike) {
    const row = (await this.model.findOne({ where: { workflowId: workflow.id, status: { [Op.ne]: 'removed' } } })) as
      (SubscriptionRow & { update(values: object): Promise<unknown>; toJSON(): SubscriptionRow }) | null;
    if (!row) {
      return;
    }
    const subscription = subscriptionOf(workflow);
    const step = subscription?.unsubscribe;
    if (!step?.url) {
      await row.update({ status: 'removed' });
      return;
    }
    const { state } = row.toJSON();
    try {
      const { webhookUrl } = row.toJSON();
      await this.call(
        workflow,
        'unsubscribe',
        step,
        this.variables(workflow.key, state ?? {}, undefined, webhookUrl ?? undefined),
      );
      await row.update({ status: 'removed', lastError: null, lastCallAt: new Date() });
    } catch (error) {
      this.deps.logger.warn(
        `[webhook] workflow ${workflow.id}: the sender did not remove the subscription: ${(error as Error).message}`,
      );
      await row.update({ status: 'removed', lastError: (error as Error).message, lastCallAt: new Date() });
    }
  }

  /**
   * Renews the subscriptions that are due. Each is claimed with one conditional update (no claim,
   * or an expired one → claimed for a minute) before it is renewed; how many were renewed.
   */
  async refreshDue(): Promise<number> {
    let renewed = 0;
    const rows = (await this.model.findAll({
      where: { status: { [Op.in]: ['active', 'failing'] }, nextRefreshAt: { [Op.ne]: null } },
    })) as unknown as Array<{ toJSON(): SubscriptionRow; update(values: object): Promise<unknown> }>;
    for (const record of rows) {
      const row = record.toJSON();
      const due = new Date(row.nextRefreshAt as Date).getTime();
      // A failing one waits for its backoff; an active one is renewed a little before its deadline.
      const lead =
        row.status === 'failing'
          ? 0
          : Math.min(MAX_LEAD_MS, Math.max(0, (due - new Date(row.lastCallAt ?? Date.now()).getTime()) / 10));
      if (Date.now() < due - lead) {
        continue;
      }
      const now = new Date();
      const [claimed] = await this.model.update(
        { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
        {
          where: {
            id: row.id,
            renewals: row.renewals ?? 0,
            [Op.or]: [{ claimedUntil: null }, { claimedUntil: { [Op.lt]: now } }],
          },
        },
      );
      if (claimed && (await this.refreshOne(row, record))) {
        renewed += 1;
      }
    }
    return renewed;
  }

  private async refreshOne(
    row: SubscriptionRow,
    record: { update(values: object): Promise<unknown> },
  ): Promise<boolean> {
    const workflow = await findRecord<WorkflowLike>(this.deps.db, 'workflows', { filterByTk: row.workflowId });
    const subscription = workflow ? subscriptionOf(workflow) : null;
    if (!workflow || !subscription?.refresh?.url) {
      await record.update({ nextRefreshAt: null, claimedUntil: null });
      return false;
    }
    try {
      const answer = await this.call(
        workflow,
        'refresh',
        subscription.refresh,
        this.variables(workflow.key, row.state ?? {}, undefined, row.webhookUrl ?? undefined),
      );
      const outcome = this.outcome(
        subscription.refresh,
        subscription.refresh,
        this.variables(workflow.key, row.state ?? {}, answer, row.webhookUrl ?? undefined),
        row.state ?? {},
      );
      await record.update({
        ...outcome,
        status: 'active',
        failures: 0,
        lastError: null,
        lastCallAt: new Date(),
        claimedUntil: null,
        renewals: (row.renewals ?? 0) + 1,
      });
      return true;
    } catch (error) {
      const failures = (row.failures ?? 0) + 1;
      const backoff = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** (failures - 1));
      await record.update({
        status: 'failing',
        failures,
        lastError: (error as Error).message,
        nextRefreshAt: new Date(Date.now() + backoff),
        claimedUntil: null,
        renewals: (row.renewals ?? 0) + 1,
      });
      return false;
    }
  }
}
