import { defineCollection } from '@nocobase/database';
import { DELIVERIES_COLLECTION } from '../constants';

/**
 * The inbox: one row per delivery the endpoint accepted, written before the sender is answered,
 * and one per request it refused or recognised as a repeat (kept for the history, never run).
 * It is the record every later reader starts from: the run started from it (exactly once, through
 * the engine's unique `executions.eventKey`), recovery after a crash, idempotency, history, replay.
 */
export default defineCollection({
  name: DELIVERIES_COLLECTION,
  dumpRules: { group: 'log' },
  shared: true,
  createdAt: true,
  updatedAt: true,
  fields: [
    { type: 'bigInt', name: 'workflowId' },
    { type: 'string', name: 'workflowKey' },
    { type: 'boolean', name: 'sync', defaultValue: false },
    { type: 'string', name: 'method', length: 10 },
    // The request exactly as the run sees it in `$context` (configured headers only).
    { type: 'json', name: 'headers', defaultValue: {} },
    { type: 'json', name: 'query', defaultValue: {} },
    { type: 'json', name: 'body', defaultValue: null },
    // The rest of `$context` when there is more: uploaded files, the raw body.
    { type: 'json', name: 'extras', defaultValue: null },
    // Set when the files in `extras` were stored as attachments: the rows sharing them (a delivery's
    // events, its replays) carry the same key, and the attachments go with the last of them.
    { type: 'string', name: 'uploadsKey', length: 36 },
    { type: 'string', name: 'clientIp', length: 64 },
    { type: 'date', name: 'receivedAt' },
    // The sender's own delivery id, when the trigger names where it comes from.
    { type: 'string', name: 'deliveryId' },
    // sha256 of workflow key + delivery id: fixed length, so the unique index fits every database.
    { type: 'string', name: 'idempotencyKey', length: 64, unique: true },
    // The engine's event key: a second start of the same delivery cannot create a second execution.
    { type: 'string', name: 'eventKey', length: 64, unique: true },
    { type: 'string', name: 'state', length: 16, defaultValue: 'stored' },
    { type: 'bigInt', name: 'executionId' },
    { type: 'integer', name: 'answerStatus' },
    // What a synchronous delivery was answered, so that a repeat of it can be answered the same.
    { type: 'json', name: 'answer', defaultValue: null },
    { type: 'text', name: 'error' },
    // How many times recovery handed the stored delivery to the engine again (crash, restart).
    { type: 'integer', name: 'attempts', defaultValue: 0 },
    // Retries (the trigger's `retry`): the attempt running or last run, when the next is due, and
    // every ended attempt with its execution and outcome. Each attempt has its own `eventKey`.
    { type: 'integer', name: 'attempt', defaultValue: 1 },
    { type: 'date', name: 'nextAttemptAt' },
    { type: 'json', name: 'attemptLog', defaultValue: null },
    // When the alert about this delivery giving up was sent (once, by whichever instance sends it).
    { type: 'date', name: 'alertedAt' },
    // What the row records: a delivery, a callback to a waiting run, or a call to the sender's API
    // (subscribe, refresh, unsubscribe).
    { type: 'string', name: 'kind', length: 16, defaultValue: 'delivery' },
    // Set on a replay: the delivery whose request it runs again.
    { type: 'bigInt', name: 'replayOf' },
    // The app process that stored it: its own rows are restarted at once, others' after a grace.
    { type: 'string', name: 'instanceId', length: 64 },
  ],
  indexes: [
    { fields: ['state', 'id'] },
    { fields: ['workflowId', 'id'] },
    { fields: ['uploadsKey'] },
    // The overview's grouped counts (webhookDeliveries:stats), all workflows or one: a time range
    // read from the index alone, which also holds what the counts group by.
    { fields: ['receivedAt', 'kind', 'state', 'workflowId'] },
    { fields: ['workflowId', 'receivedAt', 'kind', 'state'] },
  ],
});
