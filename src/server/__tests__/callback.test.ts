import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, executionsOf, jobsOf, postJson } from './helpers/workflows';
import { sleep } from './helpers/waitUntil';

const CALCULATION = { type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } };

interface Execution {
  id: number;
  status: number;
  context: { callbackUrls?: Record<string, string> };
}

describe('"Wait for callback" nodes', () => {
  const current = useTestApp();

  async function waitFor<T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
    what: string,
    timeoutMs = 20_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
      }
      await sleep(100);
    }
  }

  /** Starts a run that waits at its callback node; returns the run and its callback path. */
  async function waitingRun(config: Record<string, unknown>) {
    const workflow = await createWebhookWorkflow(current(), {
      nodes: [{ type: 'webhookCallback', config }, CALCULATION],
    });
    const nodes = await current()
      .app.db.getRepository('flow_nodes')
      .find({ filter: { workflowId: workflow.id }, sort: ['id'] });
    const callbackNode = nodes.find((node: { get(name: string): unknown }) => node.get('type') === 'webhookCallback')!;
    expect((await postJson(current(), workflow.key, { order: 'A-1' })).status).toBe(200);
    const [execution] = (await waitFor(
      async () => (await executionsOf(current(), workflow.id)) as unknown as Execution[],
      (rows) => rows.length === 1 && rows[0].context.callbackUrls != null,
      'a run with its callback URL',
    )) as Execution[];
    const url = execution.context.callbackUrls![callbackNode.get('key') as string];
    const [job] = await waitFor(
      () => jobsOf(current(), execution.id),
      (jobs) => jobs.length === 1,
      'the waiting job',
    );
    expect(job.status).toBe(0);
    expect(job.result).toEqual({ callbackUrl: url });
    return { workflow, execution, url };
  }

  const executionOf = async (workflowId: number | string) =>
    ((await executionsOf(current(), workflowId)) as unknown as Execution[])[0];

  it('gives earlier nodes the URL, resumes the run with the callback request, then answers 410', async () => {
    const { workflow, execution, url } = await waitingRun({ response: { statusCode: 202, body: 'resumed' } });
    expect(url).toMatch(/^\/api\/webhook:callback\/\d+\.\d+\.[A-Za-z0-9_-]{43}$/);

    const callback = await current().request(`${url}?ref=pay-1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ paid: true, amount: 950 }),
    });
    expect(callback.status).toBe(202);
    expect(await callback.text()).toBe('resumed');

    const done = await waitFor(
      () => executionOf(workflow.id),
      (row) => row.status === 1,
      'the resumed run to finish',
    );
    expect(done.id).toBe(execution.id);
    const [waited, after] = await jobsOf(current(), execution.id);
    expect(waited).toMatchObject({
      status: 1,
      result: {
        callbackUrl: url,
        request: { method: 'POST', query: { ref: 'pay-1' }, body: { paid: true, amount: 950 } },
      },
    });
    expect(after.status).toBe(1);

    const again = await current().request(url, { method: 'POST', body: '{}' });
    expect(again.status).toBe(410);
    const history = await current()
      .app.db.getModel('webhookDeliveries')
      .findAll({ where: { workflowId: workflow.id, executionId: execution.id } });
    expect(history.map((row) => row.get('answerStatus'))).toContain(202);
  });

  it('answers 404 to a token that is not signed by this app, and 405 to another method', async () => {
    const { url } = await waitingRun({});
    const forged = url.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expect((await current().request(forged, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await current().request('/api/webhook:callback/1.2.3', { method: 'POST', body: '{}' })).status).toBe(404);
    const get = await current().request(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await current().request(url, { method: 'POST', body: '{}' })).status).toBe(200);
  });

  it('checks the credentials the node asks for', async () => {
    const { url } = await waitingRun({ auth: { type: 'header', name: 'X-Callback-Key', value: 'k-9' } });
    expect((await current().request(url, { method: 'POST', body: '{}' })).status).toBe(401);
    expect(
      (await current().request(url, { method: 'POST', body: '{}', headers: { 'X-Callback-Key': 'k-9' } })).status,
    ).toBe(200);
  });

  it('goes on with timedOut, or fails the node, once its timeout passes', async () => {
    const goOn = await waitingRun({ timeout: 1, onTimeout: 'continue' });
    const fail = await waitingRun({ timeout: 1, onTimeout: 'fail' });
    const resolved = await waitFor(
      () => executionOf(goOn.workflow.id),
      (row) => row.status === 1,
      'the timed-out run to go on',
    );
    const [job] = await jobsOf(current(), resolved.id);
    expect(job.result).toEqual({ callbackUrl: goOn.url, timedOut: true });
    await waitFor(
      () => executionOf(fail.workflow.id),
      (row) => row.status < 0,
      'the timed-out run to fail',
    );
    expect((await current().request(goOn.url, { method: 'POST', body: '{}' })).status).toBe(410);
  });

  it('resumes a run that was waiting when the app restarted', async () => {
    const { workflow, url } = await waitingRun({});
    const { app } = current();
    await app.stop();
    await app.start();
    expect((await current().request(url, { method: 'POST', body: '{"late":true}' })).status).toBe(200);
    await waitFor(
      () => executionOf(workflow.id),
      (row) => row.status === 1,
      'the run to finish after the restart',
    );
  });
});
