import type { Stage, Stored } from '../Delivery';

/**
 * Notes on the trace that the delivery is in the inbox: from here on it counts as accepted (for the
 * operators' metrics), whatever its run answers, a failing synchronous run's 500 included.
 */
export const noteStored: Stage<Stored, Stored> = (delivery) => {
  delivery.trace.stored = delivery.sync ? 'sync' : 'async';
  return delivery;
};
