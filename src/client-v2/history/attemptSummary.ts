import type { DeliveryRow } from '../../common/deliveries';
import type { Translate } from '../locale';
import { formatClockTime } from './formatTime';

/** Runs a delivery has had: the attempt last run, or as many as its log lists. */
export function attemptsRun(row: Pick<DeliveryRow, 'attempt' | 'attemptLog'>): number {
  return Math.max(row.attempt ?? 0, row.attemptLog?.length ?? 0, 1);
}

/**
 * What the history says of a delivery that is being retried or has given up: "Failed, retry 2 of
 * 5 at 14:05", "Gave up after 5 attempts". `attempts` is the workflow's `retry.attempts`, when known;
 * other outcomes have no summary (null).
 */
export function attemptSummary(
  t: Translate,
  row: Pick<DeliveryRow, 'state' | 'attempt' | 'attemptLog' | 'nextAttemptAt'>,
  attempts?: number | null,
): string | null {
  if (row.state === 'gaveUp') {
    return t('Gave up after {{number}} attempts', { number: attemptsRun(row) });
  }
  if (row.state !== 'retrying') {
    return null;
  }
  const next = { attempt: attemptsRun(row) + 1, time: formatClockTime(row.nextAttemptAt) };
  return attempts && attempts >= next.attempt
    ? t('Failed, retry {{attempt}} of {{attempts}} at {{time}}', { ...next, attempts })
    : t('Failed, retry {{attempt}} at {{time}}', next);
}
