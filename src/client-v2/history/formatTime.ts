import dayjs from 'dayjs';

/** A delivery's time as the workflow plugin shows times: local, to the second. */
export function formatTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '';
}
