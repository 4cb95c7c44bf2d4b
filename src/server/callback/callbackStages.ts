import type { Database } from '@nocobase/database';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import { JOB_STATUS, WorkflowModel } from '@nocobase/plugin-workflow';
import { CALLBACK_NODE_TYPE } from '../../common/constants';
import type { CallbackNodeConfig, CallbackResult } from '../../common/types';
import { answerFromResponseConfig } from '../http/HttpAnswer';
import type { Log } from '../support/Log';
import { DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE } from '../inbox/DeliveryRecord';
import { clientAddressOf } from '../pipeline/parsing/clientAddress';
import { Answered, Parsed, Received, Resolved, Stage, WebhookRejection } from '../pipeline/Delivery';
import type { CallbackKeys } from './CallbackKeys';
import { readCallbackToken } from './callbackToken';
import { findRecord } from '../support/typedReads';

interface JobRow {
  id: number | string;
  executionId: number | string;
  nodeId: number | string;
  status: number;
  result: CallbackResult | null;
}

/** A callback request, with the waiting job and node it belongs to. */
export interface CallbackResolved extends Resolved {
  job: JobRow;
  node: { id: number | string; config: CallbackNodeConfig };
}

const GONE = 'This callback was already used, or its wait has ended';
const UNKNOWN = 'No callback at this URL';

export interface ResolveDeps {
  db: Database;
  keys: CallbackKeys;
  /** What signed tokens before the installation had its own key (`legacyCallbackSecret`). */
  legacySecret: string;
}

/** The run a legacy token names may use it only if the run started before the installation's key. */
function startedBefore(execution: { get(name: string): unknown }, since: Date): boolean {
  const createdAt = new Date(execution.get('createdAt') as string).getTime();
  return Number.isFinite(createdAt) && createdAt < since.getTime();
}

/**
 * Finds what the token names: the run's job at the "Wait for callback" node. A token not signed
 * with the installation's callback key, naming nothing, or naming a job of any other node type
 * (a manual approval, a delay…) gets 404; a job that is no longer waiting, 410. The node's settings
 * (methods, authentication, body limit) then play the part a trigger's do.
 */
export function resolveCallback({ db, keys, legacySecret }: ResolveDeps): Stage<Received, CallbackResolved> {
  return async (delivery) => {
    const key = await keys.current();
    const named = readCallbackToken(key.secret, delivery.key);
    const legacy = named ? null : readCallbackToken(legacySecret, delivery.key);
    const ids = named ?? legacy;
    if (!ids) {
      throw new WebhookRejection(404, UNKNOWN);
    }
    const node = await db.getRepository('flow_nodes').findOne({ filterByTk: ids.nodeId });
    if (!node || node.get('type') !== CALLBACK_NODE_TYPE) {
      throw new WebhookRejection(404, UNKNOWN);
    }
    const [job] = (await db.getRepository('jobs').find({
      filter: { executionId: ids.executionId, nodeId: ids.nodeId },
      sort: ['-id'],
      limit: 1,
    })) as Array<{ toJSON(): JobRow }>;
    const execution = job ? await db.getRepository('executions').findOne({ filterByTk: ids.executionId }) : null;
    if (!execution || String(execution.get('workflowId')) !== String(node.get('workflowId'))) {
      throw new WebhookRejection(404, UNKNOWN);
    }
    if (legacy && !startedBefore(execution, key.since)) {
      throw new WebhookRejection(404, UNKNOWN);
    }
    const workflow = await findRecord<WorkflowModel>(db, 'workflows', {
      filterByTk: execution.get('workflowId') as number,
    });
    if (!workflow) {
      throw new WebhookRejection(404, UNKNOWN);
    }
    delivery.trace.workflowId = workflow.id;
    const row = job.toJSON();
    if (row.status !== JOB_STATUS.PENDING) {
      throw new WebhookRejection(410, GONE);
    }
    const config = (node.get('config') ?? {}) as CallbackNodeConfig;
    return {
      ...delivery,
      workflow,
      sync: false,
      config: { methods: config.methods, auth: config.auth ?? undefined },
      job: row,
      node: { id: node.get('id') as number, config },
    };
  };
}

export interface ResumeDeps {
  db: Database;
  workflowPlugin: PluginWorkflowServer;
  logger: Log;
}

/**
 * Settles the waiting job with the request and resumes its run. The job is settled by one
 * conditional update (pending → resolved), so of two callbacks racing on two instances exactly one
 * resumes the run and the other gets 410. The request is kept in the delivery history.
 */
export function resumeCallback({ db, workflowPlugin, logger }: ResumeDeps): Stage<Parsed & CallbackResolved, never> {
  return async (delivery) => {
    const { job, context } = delivery;
    const result: CallbackResult = {
      callbackUrl: job.result?.callbackUrl ?? '',
      request: { method: context.method, headers: context.headers, query: context.query, body: context.body },
    };
    const jobs = db.getModel('jobs');
    const [settled] = await jobs.update(
      { status: JOB_STATUS.RESOLVED, result },
      { where: { id: job.id, status: JOB_STATUS.PENDING } },
    );
    if (!settled) {
      throw new WebhookRejection(410, GONE);
    }
    const fresh = await jobs.findByPk(job.id);
    await workflowPlugin.resume(fresh as never);
    const { answer, problems } = answerFromResponseConfig(delivery.node.config.response ?? undefined, {
      status: 200,
      headers: {},
      body: 'ok',
    });
    for (const problem of problems) {
      logger.warn(`[webhook] callback node ${delivery.node.id}: ${problem}`);
    }
    db.getModel(DELIVERIES_COLLECTION)
      .create({
        workflowId: delivery.workflow.id,
        workflowKey: delivery.workflow.key,
        sync: false,
        method: context.method,
        headers: context.headers,
        query: context.query,
        body: context.body,
        clientIp: clientAddressOf(delivery.ctx) || null,
        receivedAt: new Date(delivery.receivedAt),
        state: DELIVERY_STATE.FINISHED,
        executionId: job.executionId,
        answerStatus: answer.status,
        kind: 'callback',
      })
      .catch((error: unknown) => logger.warn('[webhook] a callback could not be recorded in the history', { error }));
    return new Answered(answer);
  };
}
