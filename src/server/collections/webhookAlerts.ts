import { defineCollection } from '@nocobase/database';
import { ALERTS_COLLECTION } from '../constants';

/**
 * Failure-threshold alerts sent, one row per workflow and window: the unique key is the claim
 * that lets a single app instance send the window's alert, even across restarts.
 */
export default defineCollection({
  name: ALERTS_COLLECTION,
  dumpRules: { group: 'log' },
  shared: true,
  createdAt: true,
  updatedAt: false,
  fields: [
    { type: 'bigInt', name: 'workflowId' },
    // What the alert is about: `failures` (more than `failures.count` within `failures.minutes`).
    { type: 'string', name: 'kind', length: 16 },
    // The start of the window the alert covers (windows of `failures.minutes`, counted from the epoch).
    { type: 'date', name: 'windowStart' },
    // The failed deliveries counted when the alert was sent.
    { type: 'integer', name: 'count' },
  ],
  indexes: [{ fields: ['workflowId', 'kind', 'windowStart'], unique: true }],
});
