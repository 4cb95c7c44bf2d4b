import { defineCollection } from '@nocobase/database';
import { SUBSCRIPTIONS_COLLECTION } from '../constants';

/**
 * A webhook registered with its sender: one row per enabled workflow version whose trigger has a
 * `subscription`, with what the sender answered (`state`, e.g. its webhook id) and when it must be
 * renewed. Kept after an unsubscribe (status `removed`) so that the designer can see what happened.
 */
export default defineCollection({
  name: SUBSCRIPTIONS_COLLECTION,
  dumpRules: 'required',
  shared: true,
  createdAt: true,
  updatedAt: true,
  fields: [
    { type: 'bigInt', name: 'workflowId', unique: true },
    { type: 'string', name: 'workflowKey' },
    // active, failing (a refresh failed, retried with backoff), removed
    { type: 'string', name: 'status', length: 16 },
    { type: 'json', name: 'state', defaultValue: {} },
    { type: 'date', name: 'nextRefreshAt' },
    { type: 'integer', name: 'failures', defaultValue: 0 },
    { type: 'text', name: 'lastError' },
    { type: 'date', name: 'lastCallAt' },
    // The URL the sender was given, for renewals and removal (which run with no admin request).
    { type: 'text', name: 'webhookUrl' },
    // Set while one app instance renews it; with the count of renewals, what makes a renewal happen
    // once in a cluster (an instance that read the row before the last renewal cannot claim it).
    { type: 'date', name: 'claimedUntil' },
    { type: 'integer', name: 'renewals', defaultValue: 0 },
  ],
});
