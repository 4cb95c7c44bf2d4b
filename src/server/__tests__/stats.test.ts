import type { DeliveryStatsView, StatsBucket, WorkflowStats } from '../../common/stats';
import { signInThreeRoles } from './helpers/accounts';
import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow } from './helpers/workflows';

// Seeded stored rows belong to "another instance": the sweeper leaves them to it for a day.
process.env.WEBHOOK_INBOX_TAKEOVER_MS = String(24 * 60 * 60 * 1000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Seed {
  workflowId: number;
  state: string;
  ago: number;
  count?: number;
  sync?: boolean;
  kind?: string;
}

describe('webhookDeliveries:stats', () => {
  const current = useTestApp();
  let admin: string;
  let member: string;
  let manager: string;
  let seeded = 0;

  beforeAll(async () => {
    ({ admin, member, manager } = await signInThreeRoles(current()));
  });

  /** Rows written straight into the inbox, received `ago` ms before now. */
  const seed = async (rows: Seed[]) => {
    const now = Date.now();
    const values = rows.flatMap(({ workflowId, state, ago, count = 1, sync = false, kind = 'delivery' }) =>
      Array.from({ length: count }, () => {
        seeded += 1;
        return {
          workflowId,
          workflowKey: `key-${workflowId}`,
          sync,
          method: 'POST',
          receivedAt: new Date(now - ago),
          eventKey: `webhook:stats-${seeded}`,
          state,
          kind,
          instanceId: 'another-instance',
        };
      }),
    );
    await current().app.db.getModel('webhookDeliveries').bulkCreate(values);
  };

  const stats = async (token: string | null, query: string) => {
    const response = await current().request(`/api/webhookDeliveries:stats${query}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const statsOf = async (query: string) => {
    const answer = await stats(admin, query);
    expect(answer.status).toBe(200);
    return answer.body.data as DeliveryStatsView;
  };
  const rowOf = (view: DeliveryStatsView, id: number) =>
    view.workflows.find((row) => String(row.workflowId) === String(id)) as WorkflowStats;
  /** The bucket a delivery received `ago` ms before the answer's `now` falls in. */
  const bucketAt = (view: DeliveryStatsView, ago: number): StatsBucket => {
    const at = new Date(view.now).getTime() - ago;
    const found = view.series.find((bucket) => {
      const start = new Date(bucket.start).getTime();
      return start <= at && at < start + view.bucketSeconds * 1000;
    });
    if (!found) {
      throw new Error(`no bucket holds ${new Date(at).toISOString()}`);
    }
    return found;
  };
  const total = (series: StatsBucket[]) =>
    series.reduce((sum, bucket) => sum + Object.values(bucket.counts).reduce((a, b) => a + (b ?? 0), 0), 0);

  it('counts the last hour and day by outcome, the backlog, and the range per bucket', async () => {
    const busy = await createWebhookWorkflow(current());
    const quiet = await createWebhookWorkflow(current());
    const idle = await createWebhookWorkflow(current());
    await seed([
      { workflowId: busy.id, state: 'finished', ago: 10 * MINUTE, count: 3 },
      { workflowId: busy.id, state: 'failed', ago: 10 * MINUTE },
      { workflowId: busy.id, state: 'refused', ago: 30 * MINUTE, count: 2 },
      { workflowId: busy.id, state: 'stored', ago: 20_000, count: 2 },
      // A synchronous delivery waiting for its run is not a backlog: its sender waits for it.
      { workflowId: busy.id, state: 'stored', ago: 20_000, sync: true },
      { workflowId: busy.id, state: 'finished', ago: 5 * HOUR, count: 2 },
      { workflowId: busy.id, state: 'gaveUp', ago: 5 * HOUR },
      { workflowId: busy.id, state: 'retrying', ago: 5 * HOUR },
      { workflowId: busy.id, state: 'finished', ago: 50 * HOUR },
      // Callbacks and calls to a sender's API share the table, and are not deliveries.
      { workflowId: busy.id, state: 'finished', ago: 10 * MINUTE, kind: 'callback' },
      { workflowId: quiet.id, state: 'duplicate', ago: 10 * MINUTE },
      { workflowId: quiet.id, state: 'finished', ago: 72 * HOUR, count: 4 },
    ]);

    const day = await statsOf('?range=day');
    expect(day).toMatchObject({ range: 'day', bucketSeconds: 900 });
    expect(day.series).toHaveLength(96);
    const busyRow = rowOf(day, busy.id);
    expect(busyRow).toMatchObject({ key: busy.key, enabled: true, current: true, backlog: 2 });
    expect(busyRow.lastHour).toEqual({
      received: 9,
      ran: 3,
      pending: 3,
      retrying: 0,
      failed: 1,
      gaveUp: 0,
      refused: 2,
      other: 0,
    });
    expect(busyRow.lastDay).toEqual({
      received: 13,
      ran: 5,
      pending: 3,
      retrying: 1,
      failed: 1,
      gaveUp: 1,
      refused: 2,
      other: 0,
    });
    expect(rowOf(day, quiet.id).lastHour).toMatchObject({ received: 1, other: 1 });
    expect(rowOf(day, quiet.id).lastDay.received).toBe(1);
    // A workflow with no traffic is listed too, with nothing counted.
    expect(rowOf(day, idle.id)).toMatchObject({ backlog: 0, lastHour: { received: 0 }, lastDay: { received: 0 } });
    expect(day.totals).toMatchObject({ backlog: 2, lastHour: { received: 10 }, lastDay: { received: 14 } });
    // Every delivery of the day is in exactly one bucket.
    expect(total(day.series)).toBe(14);
    expect(bucketAt(day, 5 * HOUR).counts).toEqual({ ran: 2, gaveUp: 1, retrying: 1 });

    const hour = await statsOf('?range=hour');
    expect(hour).toMatchObject({ range: 'hour', bucketSeconds: 60 });
    expect(hour.series).toHaveLength(60);
    expect(bucketAt(hour, 10 * MINUTE).counts).toEqual({ ran: 3, failed: 1, other: 1 });
    expect(bucketAt(hour, 30 * MINUTE).counts).toEqual({ refused: 2 });
    expect(bucketAt(hour, 20_000).counts).toEqual({ pending: 3 });
    expect(total(hour.series)).toBe(10);

    const week = await statsOf('?range=week');
    expect(week).toMatchObject({ range: 'week', bucketSeconds: 3600 });
    expect(week.series).toHaveLength(168);
    expect(bucketAt(week, 72 * HOUR).counts).toEqual({ ran: 4 });
    expect(bucketAt(week, 50 * HOUR).counts).toEqual({ ran: 1 });
    expect(total(week.series)).toBe(19);
    // The buckets follow each other, the last one holding now.
    const starts = week.series.map((bucket) => new Date(bucket.start).getTime());
    expect(starts.every((start, index) => index === 0 || start - starts[index - 1] === HOUR)).toBe(true);
    expect(starts[starts.length - 1]).toBeLessThanOrEqual(new Date(week.now).getTime());
  });

  it('narrows everything to one workflow', async () => {
    const one = await createWebhookWorkflow(current());
    const other = await createWebhookWorkflow(current());
    await seed([
      { workflowId: one.id, state: 'finished', ago: 2 * MINUTE, count: 2 },
      { workflowId: one.id, state: 'stored', ago: 10_000 },
      { workflowId: other.id, state: 'failed', ago: 2 * MINUTE, count: 5 },
    ]);
    const view = await statsOf(`?range=hour&workflowId=${one.id}`);
    expect(view.workflows.map((row) => row.workflowId)).toEqual([one.id]);
    expect(view.totals).toMatchObject({
      backlog: 1,
      lastHour: { received: 3, ran: 2, pending: 1, failed: 0 },
      lastDay: { received: 3 },
    });
    expect(total(view.series)).toBe(3);
    expect(bucketAt(view, 2 * MINUTE).counts).toEqual({ ran: 2 });
  });

  it('lists an older version while it still has deliveries, and every current one', async () => {
    const workflow = await createWebhookWorkflow(current());
    // As if a newer version had been made current (the workflow plugin does so on duplicating).
    await current()
      .app.db.getModel('workflows')
      .update({ current: false }, { where: { id: workflow.id }, hooks: false });
    const view = await statsOf('');
    expect(view.range).toBe('day');
    expect(view.workflows.some((row) => row.workflowId === workflow.id)).toBe(false);
    await seed([{ workflowId: workflow.id, state: 'finished', ago: MINUTE }]);
    expect(rowOf(await statsOf(''), workflow.id)).toMatchObject({ current: false, lastDay: { ran: 1 } });
  });

  it('is allowed to the roles that may read the delivery history only', async () => {
    expect((await stats(manager, '?range=hour')).status).toBe(200);
    expect((await stats(member, '?range=hour')).status).toBe(403);
    expect((await stats(null, '?range=hour')).status).toBe(401);
    expect((await stats(admin, '?range=month')).status).toBe(400);
    expect((await stats(admin, '?workflowId=1%20OR%201')).status).toBe(400);
  });
});
