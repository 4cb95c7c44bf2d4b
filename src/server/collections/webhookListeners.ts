import { defineCollection } from '@nocobase/database';
import { LISTENERS_COLLECTION } from '../constants';

/**
 * "Listen for a test request": a designer waits for the next request to a workflow's URL. A row
 * per wait, so that whichever app instance the request reaches can hand it over.
 */
export default defineCollection({
  name: LISTENERS_COLLECTION,
  dumpRules: { group: 'log' },
  shared: true,
  createdAt: true,
  updatedAt: false,
  fields: [
    { type: 'bigInt', name: 'workflowId' },
    { type: 'string', name: 'workflowKey' },
    { type: 'date', name: 'expiresAt' },
    { type: 'date', name: 'capturedAt' },
    // The captured request: method, headers and query (credential-like values masked), body.
    // Deleted an hour after the window ends (see Listeners.refresh).
    { type: 'json', name: 'request', defaultValue: null },
  ],
  indexes: [{ fields: ['workflowKey'] }],
});
