import type { Database } from '@nocobase/database';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import { TRIGGER_TYPE } from '../../common/constants';
import type { AlertsConfig } from '../../common/types';
import { findRecords } from '../support/typedReads';

/** A webhook workflow whose trigger names someone to alert. */
export interface AlertingWorkflow {
  id: number | string;
  key: string;
  title: string;
  alerts: AlertsConfig;
}

/** The failure threshold of a workflow, when both its numbers are usable. */
export function failureThreshold(alerts: AlertsConfig): { count: number; minutes: number } | null {
  const count = Number(alerts.failures?.count);
  const minutes = Number(alerts.failures?.minutes);
  if (alerts.failures?.count == null || !Number.isInteger(count) || count < 0 || !(minutes > 0)) {
    return null;
  }
  return { count, minutes };
}

export function alertsOnGiveUp(alerts: AlertsConfig): boolean {
  return alerts.onGiveUp !== false;
}

function namesSomeone(alerts: AlertsConfig | null | undefined): alerts is AlertsConfig {
  return Boolean(alerts && ((alerts.users?.length ?? 0) > 0 || (alerts.roles?.length ?? 0) > 0));
}

/**
 * The current version of every webhook workflow with alerts set: its settings apply to the
 * deliveries of all its versions, since a setting changed in a new version is what the designer
 * wants from now on.
 */
export async function alertingWorkflows(db: Database): Promise<AlertingWorkflow[]> {
  const workflows = await findRecords<WorkflowModel>(db, 'workflows', {
    filter: { type: TRIGGER_TYPE, current: true },
    fields: ['id', 'key', 'title', 'config'],
  });
  return workflows.flatMap((workflow) => {
    const alerts = (workflow.config as { alerts?: AlertsConfig | null } | null)?.alerts;
    return namesSomeone(alerts)
      ? [{ id: workflow.id, key: workflow.key, title: workflow.title ?? `#${workflow.id}`, alerts }]
      : [];
  });
}
