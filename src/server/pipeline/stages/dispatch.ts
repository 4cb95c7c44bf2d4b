import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import { EXECUTION_STATUS, Processor } from '@nocobase/plugin-workflow';
import { DEFAULT_SYNC_TIMEOUT_SECONDS } from '../../../common/constants';
import { HttpAnswer, jsonError } from '../../http/HttpAnswer';
import type { DeliveryStarter } from '../../inbox/DeliveryStarter';
import type { SyncOutcomes } from '../../inbox/SyncOutcomes';
import type { RunScheduler } from '../../scheduling/RunScheduler';
import { RESPONDER_OPTION, WebhookResponder } from '../../http/WebhookResponder';
import { Answered, Stage, Stored } from '../Delivery';

const TIMEOUT_REASON = 'timeout';
const TIMED_OUT = Symbol('timed out');

export interface DispatchDeps {
  workflowPlugin: PluginWorkflowServer;
  scheduler: RunScheduler;
  starter: DeliveryStarter;
  outcomes: SyncOutcomes;
}

function syncTimeoutMs(seconds: unknown) {
  const value = Number(seconds);
  return (Number.isFinite(value) && value > 0 ? value : DEFAULT_SYNC_TIMEOUT_SECONDS) * 1000;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function timeoutAnswer(seconds: number, executionId?: unknown): HttpAnswer {
  const answer = jsonError(408, `The workflow did not finish within ${seconds} s; it keeps running`);
  return executionId == null ? answer : { ...answer, body: { ...(answer.body as object), executionId } };
}

/** What a finished synchronous run answers when no HTTP Response node did. */
export function answerForRun(processor: Processor | null): HttpAnswer {
  if (!processor) {
    return jsonError(500, 'The workflow run could not be started');
  }
  const { id, status, reason } = processor.execution;
  if (status === EXECUTION_STATUS.RESOLVED) {
    return { status: 200, headers: {}, body: { executionId: id, status: 'resolved' } };
  }
  if (status === EXECUTION_STATUS.STARTED) {
    return { status: 202, headers: {}, body: { executionId: id, status: 'started' } };
  }
  if (status === EXECUTION_STATUS.ABORTED && reason === TIMEOUT_REASON) {
    // NocoBase's own execution timeout (Advanced options → Timeout settings) ended the run.
    const aborted = jsonError(
      408,
      'The workflow run was aborted by its execution timeout (Advanced options → Timeout settings)',
    );
    return { ...aborted, body: { ...(aborted.body as object), executionId: id } };
  }
  const failure = jsonError(500, 'The workflow run failed');
  return { ...failure, body: { ...(failure.body as object), executionId: id } };
}

/** The sender of a sync delivery that never started gets this: nothing ran, a retry is safe. */
function notStartedAnswer(seconds: number): HttpAnswer {
  return jsonError(
    503,
    `The workflow could not start within ${seconds} s because this instance is busy; nothing ran, try again`,
    {
      'Retry-After': '5',
    },
  );
}

async function dispatchSync(
  delivery: Stored,
  { workflowPlugin, scheduler, outcomes }: DispatchDeps,
): Promise<HttpAnswer> {
  const { workflow, context, ctx, logger } = delivery;
  const [{ eventKey }] = delivery.runs;
  const responder = new WebhookResponder();
  const ms = syncTimeoutMs(delivery.config.timeout);
  // Set once the run has been handed to the engine; until then, giving up means it never starts.
  let started = false;
  let abandoned = false;
  const run = scheduler.runSync(async () => {
    if (abandoned) {
      return null;
    }
    started = true;
    return (await workflowPlugin.trigger(workflow, context, {
      httpContext: ctx,
      eventKey,
      [RESPONDER_OPTION]: responder,
    })) as Processor | null;
  });
  const outcome = await within(run, ms);
  responder.close();
  if (responder.answer) {
    delivery.afterDelivery.push((delivered) => {
      if (!delivered) {
        logger.warn(`[webhook] workflow ${workflow.id}: the sender hung up before its answer was written`);
        void outcomes.recordUndelivered(eventKey, responder, run);
      }
    });
  }
  if (outcome === TIMED_OUT && responder.answer) {
    // The run decided its answer in time and was still finishing: the sender gets that answer,
    // so that a job saying "sent" is never contradicted by a 408.
    run
      .then((processor) => outcomes.record(eventKey, processor, responder.answer))
      .catch((error: unknown) =>
        logger.error(`[webhook] workflow ${workflow.id}: run failed after answering`, { error }),
      );
    return responder.answer;
  }
  if (outcome === TIMED_OUT) {
    if (!started) {
      // Its sender is answered now and will retry: a run starting later would be a second one.
      abandoned = true;
      logger.warn(
        `[webhook] workflow ${workflow.id}: synchronous delivery waited ${ms / 1000} s to start, answered 503, not run`,
      );
      const answer = notStartedAnswer(ms / 1000);
      await outcomes.record(eventKey, null, answer);
      return answer;
    }
    // A run that started is not cancelled: whatever it does still happens and is recorded.
    run
      .then((processor) => outcomes.record(eventKey, processor, null))
      .catch((error: unknown) =>
        logger.error(`[webhook] workflow ${workflow.id}: run failed after timeout`, { error }),
      );
    logger.warn(`[webhook] workflow ${workflow.id}: synchronous run exceeded ${ms / 1000} s, answered 408`);
    const answer = timeoutAnswer(ms / 1000);
    await outcomes.record(eventKey, null, answer);
    return answer;
  }
  const answer = responder.answer ?? answerForRun(outcome);
  await outcomes.record(eventKey, outcome, answer);
  return answer;
}

/**
 * Starts the run. An async delivery is already stored: it is handed to the engine (or left to the
 * sweeper) and answered at once; for a sync one the sender waits for the run.
 */
export function dispatch(deps: DispatchDeps): Stage<Stored, never> {
  return async (delivery) => {
    if (delivery.answerNow) {
      for (const run of delivery.runs) {
        deps.starter.start(delivery.workflow, run.context, run.eventKey);
      }
      return new Answered(delivery.answerNow);
    }
    return new Answered(await dispatchSync(delivery, deps));
  };
}
