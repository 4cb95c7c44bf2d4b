import { DEFAULT_LISTEN_SECONDS, formatCountdown, listenSeconds } from '../listenWindow';

describe('listen window', () => {
  it("counts from the server's own start and end", () => {
    expect(listenSeconds({ createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:02:00.000Z' })).toBe(120);
    expect(listenSeconds({ createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:00:30.400Z' })).toBe(30);
  });

  it('falls back to two minutes when the server does not say', () => {
    expect(listenSeconds({ expiresAt: '2026-01-01T00:02:00.000Z' })).toBe(DEFAULT_LISTEN_SECONDS);
    expect(listenSeconds({ createdAt: '2026-01-01T00:02:00.000Z', expiresAt: '2026-01-01T00:00:00.000Z' })).toBe(120);
  });

  it('shows minutes and seconds', () => {
    expect(formatCountdown(120)).toBe('2:00');
    expect(formatCountdown(118)).toBe('1:58');
    expect(formatCountdown(6.2)).toBe('0:07');
    expect(formatCountdown(-3)).toBe('0:00');
  });
});
