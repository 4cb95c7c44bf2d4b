import type { Database } from '@nocobase/database';
import { Op } from '@nocobase/database';
import { TRIGGER_TYPE } from '../../common/constants';
import { rawRows } from '../support/typedReads';

export interface WebhookWorkflowSummary {
  workflowId: number | string;
  key: string;
  title: string;
  enabled: boolean;
  current: boolean;
}

interface WorkflowRow {
  id: number | string;
  key: string;
  title: string | null;
  enabled: boolean | number | null;
  current: boolean | number | null;
}

/**
 * The webhook workflows the overview lists: one, when named; otherwise every current version,
 * and the other versions among `withIds` (those that still received or hold deliveries).
 * A few rows of the workflows table, newest first.
 */
export async function webhookWorkflowsFor(
  db: Database,
  { workflowId, withIds }: { workflowId?: number | string; withIds: Array<number | string> },
): Promise<WebhookWorkflowSummary[]> {
  const which = workflowId != null ? { id: workflowId } : { [Op.or]: [{ current: true }, { id: withIds }] };
  const rows = await rawRows<WorkflowRow>(db, 'workflows', {
    attributes: ['id', 'key', 'title', 'enabled', 'current'],
    where: { type: TRIGGER_TYPE, ...which },
    order: [['id', 'DESC']],
  });
  return rows.map((row) => ({
    workflowId: row.id,
    key: row.key,
    title: row.title ?? '',
    enabled: Boolean(row.enabled),
    current: Boolean(row.current),
  }));
}
