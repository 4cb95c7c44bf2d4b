import { useCallback, useEffect, useRef, useState } from 'react';
import { listenSeconds } from '../../common/listenWindow';
import type { ListenedRequest } from '../../common/requestKeys';
import { useDeliveryApi } from '../history/useDeliveryApi';

const POLL_MS = 1000;
/** Polls that may fail in a row (a network hiccup) before listening is given up. */
const MAX_FAILURES = 3;
/** Past the countdown, the server is asked a little longer: its clock decides, not the browser's. */
const GRACE_MS = 5000;

export type ListenState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'waiting'; listenerId: number | string; deadline: number }
  | { phase: 'captured'; request: ListenedRequest }
  | { phase: 'expired' }
  | { phase: 'failed'; error: unknown };

/**
 * Waits for the next request to a workflow's URL: starts a listener, polls it every second while
 * `isShown()` holds (the drawer is open), and cancels it when the designer does, when the drawer
 * closes or when the component goes away.
 */
export function useListener(workflowId: number | string | undefined, isShown: () => boolean) {
  const api = useDeliveryApi();
  const [state, setState] = useState<ListenState>({ phase: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const active = useRef<number | string | null>(null);
  const shown = useRef(isShown);
  shown.current = isShown;

  const clearTimer = () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
  };

  const stop = useCallback(() => {
    clearTimer();
    const listenerId = active.current;
    active.current = null;
    if (listenerId != null) {
      api.stopListening(listenerId).catch(() => {
        // It expires on its own within two minutes.
      });
    }
  }, [api]);

  const poll = useCallback(
    (listenerId: number | string, deadline: number, failures: number) => {
      const tick = async () => {
        if (active.current !== listenerId) {
          return;
        }
        if (!shown.current()) {
          stop();
          setState({ phase: 'idle' });
          return;
        }
        try {
          const result = await api.listened(listenerId);
          if (active.current !== listenerId) {
            return;
          }
          if (result.status === 'captured' && result.request) {
            active.current = null;
            setState({ phase: 'captured', request: result.request });
          } else if (result.status === 'expired' || Date.now() > deadline + GRACE_MS) {
            stop();
            setState({ phase: 'expired' });
          } else {
            poll(listenerId, deadline, 0);
          }
        } catch (error) {
          if (active.current !== listenerId) {
            return;
          }
          if (failures + 1 >= MAX_FAILURES) {
            stop();
            setState({ phase: 'failed', error });
          } else {
            poll(listenerId, deadline, failures + 1);
          }
        }
      };
      timer.current = setTimeout(() => void tick(), POLL_MS);
    },
    [api, stop],
  );

  const start = useCallback(async () => {
    if (workflowId == null) {
      return;
    }
    stop();
    setState({ phase: 'starting' });
    try {
      const listener = await api.listen(workflowId);
      const deadline = Date.now() + listenSeconds(listener) * 1000;
      active.current = listener.id;
      setState({ phase: 'waiting', listenerId: listener.id, deadline });
      poll(listener.id, deadline, 0);
    } catch (error) {
      setState({ phase: 'failed', error });
    }
  }, [api, poll, stop, workflowId]);

  const cancel = useCallback(() => {
    stop();
    setState({ phase: 'idle' });
  }, [stop]);

  useEffect(() => stop, [stop]);

  return { state, start, cancel };
}
