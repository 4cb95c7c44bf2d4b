import dayjs from 'dayjs';

/** A delivery's time as the workflow plugin shows times: local, to the second. */
export function formatTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '';
}

/** A time soon to come, as short as it reads unambiguously: `14:05` today, with its date otherwise. */
export function formatClockTime(value: string | null | undefined, now = dayjs()): string {
  if (!value) {
    return '';
  }
  const time = dayjs(value);
  return time.isSame(now, 'day') ? time.format('HH:mm') : time.format('YYYY-MM-DD HH:mm');
}
