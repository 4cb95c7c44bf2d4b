import type { Database } from '@nocobase/database';
import type { SubscriptionStep } from '../../common/types';
import type { Log } from '../support/Log';
import { DELIVERIES_COLLECTION } from '../constants';
import { DELIVERY_STATE } from '../inbox/DeliveryRecord';
import type { CallKind } from './SubscriptionLifecycle';
import { ProviderAnswer, ProviderCallFailed } from './providerCall';

/**
 * One call to the sender's API as a history row: kind, method, status, duration and the error,
 * never the headers or body sent (they carry the sender's token) nor the URL's query.
 */
export function recordCall(db: Database, logger: Log) {
  return (
    workflowId: number | string,
    workflowKey: string,
    kind: CallKind,
    step: SubscriptionStep,
    outcome: ProviderAnswer | ProviderCallFailed,
  ) => {
    const failed = outcome instanceof ProviderCallFailed;
    const answer = failed ? outcome.answer : outcome;
    db.getModel(DELIVERIES_COLLECTION)
      .create({
        workflowId,
        workflowKey,
        kind,
        sync: false,
        method: (step.method ?? 'POST').toUpperCase(),
        headers: {},
        query: {},
        body: { durationMs: answer?.durationMs ?? null },
        receivedAt: new Date(),
        state: failed ? DELIVERY_STATE.FAILED : DELIVERY_STATE.FINISHED,
        answerStatus: answer?.status ?? null,
        error: failed ? outcome.message : null,
      })
      .catch((error: unknown) =>
        logger.warn(`[webhook] workflow ${workflowId}: a ${kind} call could not be recorded`, { error }),
      );
  };
}
