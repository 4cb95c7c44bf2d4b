import { CAPTURE_KEPT_MS, sortListenerWindows } from '../listenerWindows';

describe('sortListenerWindows', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const at = (offsetMs: number) => new Date(now + offsetMs);

  it('listens while a window is open and nothing was captured', () => {
    const { listening, ended } = sortListenerWindows(
      [
        { id: 1, workflowKey: 'open', capturedAt: null, expiresAt: at(60_000) },
        { id: 2, workflowKey: 'captured', capturedAt: at(-1_000), expiresAt: at(60_000) },
        { id: 3, workflowKey: 'expired', capturedAt: null, expiresAt: at(-1_000) },
      ],
      now,
    );
    expect([...listening]).toEqual(['open']);
    expect(ended).toEqual([]);
  });

  it('deletes a row an hour after its window ended: at the capture, else at its expiry', () => {
    const { ended } = sortListenerWindows(
      [
        { id: 1, workflowKey: 'a', capturedAt: at(-CAPTURE_KEPT_MS), expiresAt: at(-CAPTURE_KEPT_MS + 60_000) },
        { id: 2, workflowKey: 'b', capturedAt: at(-CAPTURE_KEPT_MS + 1_000), expiresAt: at(-CAPTURE_KEPT_MS + 60_000) },
        { id: 3, workflowKey: 'c', capturedAt: null, expiresAt: at(-CAPTURE_KEPT_MS - 1) },
        { id: 4, workflowKey: 'd', capturedAt: null, expiresAt: at(-CAPTURE_KEPT_MS + 1) },
      ],
      now,
    );
    expect(ended).toEqual([1, 3]);
  });

  it('reads dates as the database gives them, objects or text', () => {
    const { ended } = sortListenerWindows(
      [
        {
          id: 7,
          workflowKey: 'a',
          capturedAt: '2026-03-01 10:59:59.000 +00:00',
          expiresAt: '2026-03-01 11:01:00.000 +00:00',
        },
      ],
      now,
    );
    expect(ended).toEqual([7]);
  });
});
