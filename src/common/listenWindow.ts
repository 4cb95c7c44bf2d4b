/** How long the server waits for a test request unless it says otherwise. */
export const DEFAULT_LISTEN_SECONDS = 120;

/**
 * Seconds a listener waits, from the server's own `createdAt` and `expiresAt` (so that a browser
 * clock that differs from the server's does not shorten or stretch the countdown).
 */
export function listenSeconds(listener: { createdAt?: string | null; expiresAt?: string | null }): number {
  const start = Date.parse(listener.createdAt ?? '');
  const end = Date.parse(listener.expiresAt ?? '');
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    return DEFAULT_LISTEN_SECONDS;
  }
  return Math.round((end - start) / 1000);
}

/** `1:58`, `0:07`. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
