import type { Database, Transactionable } from '@nocobase/database';
import { HostCheck } from './hostCheck';

/**
 * The only module that writes into the workflow engine's execution rows. NocoBase has no way for a
 * plugin to contribute `$context` variables to other plugins' triggers, so a run's callback URLs are
 * added to its execution's `context` as the row is created (in the engine's own transaction, before
 * the run reads it), with hooks off so that no other listener sees a second save of a new row.
 */
export interface ExecutionRow {
  id: number | string;
  workflowId: number | string;
  context: Record<string, unknown> | null;
  update(values: object, options: Transactionable & { hooks?: boolean }): Promise<unknown>;
}

/** The `executions` collection with the JSON `context` field this writes. */
export function checkExecutionContext(db: Database): HostCheck {
  const field = db.getCollection('executions')?.getField('context') as { type?: string } | undefined;
  if (!field) {
    return { ok: false, problem: 'the `executions` collection has no `context` field' };
  }
  return ['json', 'jsonb'].includes(String(field.type))
    ? { ok: true }
    : { ok: false, problem: `\`executions.context\` is of type "${field.type}", not JSON` };
}

/** Adds `values` to a new execution's `$context`, keeping what the trigger put there. */
export async function addToExecutionContext(
  execution: ExecutionRow,
  values: Record<string, unknown>,
  options: Transactionable,
) {
  await execution.update(
    { context: { ...(execution.context ?? {}), ...values } },
    { transaction: options.transaction, hooks: false },
  );
}
