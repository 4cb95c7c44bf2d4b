import { useMemo } from 'react';
import type { StatsOutcome } from '../../../common/stats';
import { useT } from '../../locale';

/** The overview's outcomes in the words of the page. */
export function useStatsOutcomeLabels(): Record<StatsOutcome, string> {
  const t = useT();
  return useMemo(
    () => ({
      ran: t('Ran'),
      pending: t('Waiting or running'),
      retrying: t('Retrying'),
      failed: t('Failed'),
      gaveUp: t('Gave up'),
      refused: t('Refused'),
      other: t('Repeated, filtered out or handshakes'),
    }),
    [t],
  );
}
