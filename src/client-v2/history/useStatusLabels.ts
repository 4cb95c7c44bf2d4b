import { useMemo } from 'react';
import type { DeliveryOutcome } from '../../common/deliveries';
import type { ExecutionStatusName } from '../../common/executions';
import { useT } from '../locale';

type PresetColor = 'success' | 'processing' | 'default' | 'error' | 'warning' | 'purple' | 'gold';

export interface StatusLabel {
  label: string;
  color: PresetColor;
}

/** The history's words and tag colours for each delivery outcome. */
export function useOutcomeLabels(): Record<DeliveryOutcome, StatusLabel> {
  const t = useT();
  return useMemo(
    () => ({
      ran: { label: t('Ran'), color: 'success' },
      running: { label: t('Running'), color: 'processing' },
      waiting: { label: t('Waiting'), color: 'gold' },
      failed: { label: t('Failed'), color: 'error' },
      refused: { label: t('Refused'), color: 'warning' },
      duplicate: { label: t('Duplicate'), color: 'purple' },
      dropped: { label: t('Left out'), color: 'default' },
    }),
    [t],
  );
}

/** The engine's execution statuses, worded as the workflow plugin words them. */
export function useExecutionStatusLabels(): Record<ExecutionStatusName, StatusLabel> {
  const t = useT();
  return useMemo(
    () => ({
      queueing: { label: t('Queueing'), color: 'default' },
      running: { label: t('On going'), color: 'processing' },
      resolved: { label: t('Resolved'), color: 'success' },
      failed: { label: t('Failed'), color: 'error' },
      error: { label: t('Error'), color: 'error' },
      aborted: { label: t('Aborted'), color: 'error' },
      canceled: { label: t('Canceled'), color: 'warning' },
      rejected: { label: t('Rejected'), color: 'error' },
      'retry-needed': { label: t('Retry needed'), color: 'warning' },
    }),
    [t],
  );
}
