import { useTestApp } from './helpers/testApp';
import { sleep } from './helpers/waitUntil';
import { createWebhookWorkflow, executionsOf, postJson, waitForExecutions } from './helpers/workflows';

/** A WhatsApp Business delivery: two entries, three changes, two of them messages. */
const META_BATCH = {
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'WABA-1',
      changes: [
        { field: 'messages', value: { messages: [{ id: 'wamid.A', text: { body: 'hi' } }] } },
        { field: 'statuses', value: { statuses: [{ id: 'wamid.S', status: 'read' }] } },
      ],
    },
    {
      id: 'WABA-2',
      changes: [{ field: 'messages', value: { messages: [{ id: 'wamid.B', text: { body: 'hello' } }] } }],
    },
  ],
};

describe('deliveries that carry several events', () => {
  const current = useTestApp();
  const rowsOf = async (workflowId: number) =>
    (
      await current()
        .app.db.getModel('webhookDeliveries')
        .findAll({ where: { workflowId }, order: [['id', 'ASC']] })
    ).map((row) => row.toJSON() as { state: string; error: string | null; deliveryId: string | null });

  it('runs each event of the filtered types once, with $context.event beside the request, and answers once', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: {
        events: {
          path: 'entry[*].changes[*]',
          type: '{{$event.field}}',
          filter: ['messages'],
          id: '{{$event.value.messages[0].id}}',
        },
        response: { statusCode: 202, body: 'EVENT_RECEIVED' },
      },
    });
    const answer = await postJson(current(), workflow.key, META_BATCH);
    expect(answer.status).toBe(202);
    expect(await answer.text()).toBe('EVENT_RECEIVED');

    const runs = await waitForExecutions(current(), workflow.id, 2);
    expect(runs).toHaveLength(2);
    expect(
      runs
        .map((run) => [
          run.context.eventType,
          (run.context.event as { value: { messages: Array<{ id: string }> } }).value.messages[0].id,
        ])
        .sort(),
    ).toEqual([
      ['messages', 'wamid.A'],
      ['messages', 'wamid.B'],
    ]);
    expect(runs[0].context.body).toEqual(META_BATCH);

    // The left-out status event is counted in the history.
    const rows = await rowsOf(workflow.id);
    expect(rows.filter((row) => row.state === 'dropped').map((row) => row.error)).toEqual([
      '1 events left out by the type filter (statuses)',
    ]);
    expect(
      rows
        .filter((row) => row.state !== 'dropped')
        .map((row) => row.deliveryId)
        .sort(),
    ).toEqual(['wamid.A', 'wamid.B']);

    // The sender delivers the same batch again: answered the same, no event runs twice.
    const again = await postJson(current(), workflow.key, META_BATCH);
    expect(again.status).toBe(202);
    await sleep(1500);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(2);

    // A batch with one new event and one known: only the new one runs.
    const next = {
      ...META_BATCH,
      entry: [
        {
          id: 'WABA-3',
          changes: [META_BATCH.entry[1].changes[0], { field: 'messages', value: { messages: [{ id: 'wamid.C' }] } }],
        },
      ],
    };
    expect((await postJson(current(), workflow.key, next)).status).toBe(202);
    const all = await waitForExecutions(current(), workflow.id, 3);
    expect(all).toHaveLength(3);
  });

  it('keeps every event without a filter, and uses the delivery id and position when events have no id', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { events: { path: 'batch[*]', type: '{{$event.type}}' }, idempotency: { header: 'X-Batch-Id' } },
    });
    const batch = {
      batch: [
        { type: 'track', n: 1 },
        { type: 'identify', n: 2 },
        { type: 'track', n: 3 },
      ],
    };
    expect((await postJson(current(), workflow.key, batch, { headers: { 'X-Batch-Id': 'b-1' } })).status).toBe(200);
    const runs = await waitForExecutions(current(), workflow.id, 3);
    expect(runs.map((run) => (run.context.event as { n: number }).n).sort()).toEqual([1, 2, 3]);
    expect(runs.map((run) => run.context.eventType).sort()).toEqual(['identify', 'track', 'track']);

    expect((await postJson(current(), workflow.key, batch, { headers: { 'X-Batch-Id': 'b-1' } })).status).toBe(200);
    await sleep(1500);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(3);

    const empty = await postJson(current(), workflow.key, { batch: [] }, { headers: { 'X-Batch-Id': 'b-2' } });
    expect(empty.status).toBe(200);
    await sleep(500);
    expect((await rowsOf(workflow.id)).filter((row) => row.state === 'dropped').map((row) => row.error)).toEqual([
      'No events at the configured path',
    ]);
  });
});
