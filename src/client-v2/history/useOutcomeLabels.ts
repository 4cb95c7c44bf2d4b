import { useMemo } from 'react';
import type { DeliveryOutcome } from '../../common/deliveries';
import { useT } from '../locale';

type PresetColor =
  'success' | 'processing' | 'default' | 'error' | 'warning' | 'purple' | 'gold' | 'orange' | 'magenta';

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
      handshake: { label: t('Handshake'), color: 'default' },
      retrying: { label: t('Retrying'), color: 'orange' },
      gaveUp: { label: t('Gave up'), color: 'magenta' },
    }),
    [t],
  );
}
