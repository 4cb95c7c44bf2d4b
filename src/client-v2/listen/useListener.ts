import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest, useUnmount } from 'ahooks';
import { useRef, useState } from 'react';
import { listenSeconds } from '../../common/listenWindow';
import type { ListenedRequest } from '../../common/requestKeys';
import type { Body } from '../resources';

const POLL_MS = 1000;
/** Polls that may fail in a row (a network hiccup) before listening is given up. */
const MAX_FAILURES = 3;
/** Past the countdown, the server is asked a little longer: its clock decides, not the browser's. */
const GRACE_MS = 5000;

/** `webhookDeliveries:listen`: a listener, open until `expiresAt`. */
interface Listener {
  id: number | string;
  createdAt?: string;
  expiresAt: string;
}

/** `webhookDeliveries:listened`: whether the listener has caught a request yet. */
interface ListenResult {
  status: 'waiting' | 'captured' | 'expired';
  request: ListenedRequest | null;
}

interface Waiting {
  listenerId: number | string;
  /** When the countdown ends, in the browser's clock. */
  deadline: number;
}

export type ListenState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | ({ phase: 'waiting' } & Waiting)
  | { phase: 'captured'; request: ListenedRequest }
  | { phase: 'expired' }
  | { phase: 'failed'; error: unknown };

/**
 * Waits for the next request to a workflow's URL: starts a listener, polls it every second while
 * `isShown()` holds (the drawer is open), and stops it when the designer cancels, when the drawer
 * closes or when the component goes away.
 */
export function useListener(workflowId: number | string | undefined, isShown: () => boolean) {
  const ctx = useFlowContext();
  const deliveries = ctx.api.resource('webhookDeliveries');
  const [state, setState] = useState<ListenState>({ phase: 'idle' });
  // Read by callbacks that outlive the render they were made in.
  const latest = useRef(state);
  latest.current = state;
  const shown = useRef(isShown);
  shown.current = isShown;
  const failures = useRef(0);

  const stopListening = (listenerId: number | string): void => {
    // Should this call be lost, the listener expires on its own within two minutes.
    deliveries.stopListening({ filterByTk: listenerId }).catch(() => undefined);
  };

  const poll = useRequest(
    async (waiting: Waiting) => {
      if (!shown.current()) {
        end({ phase: 'idle' }, waiting);
        return null;
      }
      return (await deliveries.listened<Body<ListenResult>>({ filterByTk: waiting.listenerId })).data.data;
    },
    {
      manual: true,
      pollingInterval: POLL_MS,
      onSuccess: (result, [waiting]) => {
        failures.current = 0;
        if (result?.status === 'captured' && result.request) {
          end({ phase: 'captured', request: result.request });
        } else if (result?.status === 'expired' || Date.now() > waiting.deadline + GRACE_MS) {
          end({ phase: 'expired' }, waiting);
        }
      },
      onError: (error, [waiting]) => {
        failures.current += 1;
        if (failures.current >= MAX_FAILURES) {
          end({ phase: 'failed', error }, waiting);
        }
      },
    },
  );

  /** Stops polling, and the listener on the server unless it has caught its request. */
  function end(next: ListenState, stop?: Waiting): void {
    poll.cancel();
    if (stop) {
      stopListening(stop.listenerId);
    }
    setState(next);
  }

  const start = useRequest(
    async () => (await deliveries.listen<Body<Listener>>({ values: { workflowId } })).data.data,
    {
      manual: true,
      ready: workflowId != null,
      onBefore: () => setState({ phase: 'starting' }),
      onSuccess: (listener) => {
        const waiting = { listenerId: listener.id, deadline: Date.now() + listenSeconds(listener) * 1000 };
        failures.current = 0;
        setState({ phase: 'waiting', ...waiting });
        poll.run(waiting);
      },
      onError: (error) => setState({ phase: 'failed', error }),
    },
  );

  const cancel = () => {
    const current = latest.current;
    end({ phase: 'idle' }, current.phase === 'waiting' ? current : undefined);
  };

  useUnmount(() => {
    const current = latest.current;
    if (current.phase === 'waiting') {
      stopListening(current.listenerId);
    }
  });

  return { state, start: start.run, cancel };
}
