import { defineCollection } from '@nocobase/database';
import { SETTINGS_COLLECTION } from '../constants';

/**
 * The plugin's settings, one row, written from its settings page. An empty field (or no row, as
 * in an app that never saved the page) falls back to the environment variable, then the default.
 */
export default defineCollection({
  name: SETTINGS_COLLECTION,
  dumpRules: 'required',
  shared: true,
  createdAt: true,
  updatedAt: true,
  fields: [
    // The inbox's retention: finished deliveries older than this many days are pruned…
    { type: 'double', name: 'maxAgeDays' },
    // …or beyond this many per workflow, whichever first.
    { type: 'integer', name: 'maxRowsPerWorkflow' },
    // Refused, repeated and dropped requests kept per workflow.
    { type: 'integer', name: 'maxRefusedPerWorkflow' },
  ],
});
