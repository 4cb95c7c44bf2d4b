import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { EXECUTION_STATUS } from '@nocobase/plugin-workflow';
import { useTestApp } from '../../__tests__/helpers/testApp';
import { sleep, waitUntil } from '../../__tests__/helpers/waitUntil';
import { createWebhookWorkflow, executionsOf, postJson } from '../../__tests__/helpers/workflows';
import { checkEngineActivity, checkEngineQueue, engineActivity } from '../engine';

const CALCULATION = { type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } };

function capturingReport() {
  const errors: string[] = [];
  return {
    errors,
    report: { version: '2.2.15', logger: { error: (message: string) => errors.push(message), info: () => 0 } },
  };
}

describe('the workflow engine, as the SQLite scheduler sees it', () => {
  const current = useTestApp();
  const plugin = () => current().app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;

  it('passes its start-up checks on the installed NocoBase', () => {
    expect(checkEngineActivity(plugin())).toEqual({ ok: true });
    expect(checkEngineQueue(plugin(), current().app.eventQueue)).toEqual({ ok: true });
  });

  it('takes no queued run while a webhook run holds the queue, and all of them after', async () => {
    const { errors, report } = capturingReport();
    const activity = engineActivity(plugin(), current().app.eventQueue, report);
    expect(errors).toEqual([]);
    const workflow = await createWebhookWorkflow(current(), { nodes: [CALCULATION] });
    let finishedWhileHeld = -1;
    await activity.holdQueueWhile(async () => {
      for (let n = 0; n < 3; n += 1) {
        expect((await postJson(current(), workflow.key, { n })).status).toBe(200);
      }
      // Long enough for the inbox to hand them to the engine and the queue to be polled many times.
      await waitUntil(async () => (await executionsOf(current(), workflow.id)).length === 3, 'the three executions');
      await sleep(1500);
      const executions = await executionsOf(current(), workflow.id);
      finishedWhileHeld = executions.filter((execution) => execution.status === EXECUTION_STATUS.RESOLVED).length;
    });
    expect(finishedWhileHeld).toBe(0);
    await waitUntil(
      async () =>
        (await executionsOf(current(), workflow.id)).every(
          (execution) => execution.status === EXECUTION_STATUS.RESOLVED,
        ),
      'the held runs to finish once released',
    );
    await expect(activity.quiet()).resolves.toBeUndefined();
  });

  it('logs one clear error naming the NocoBase version and falls back when the internals are gone', async () => {
    const { errors, report } = capturingReport();
    const bare = {} as PluginWorkflowServer;
    const activity = engineActivity(bare, current().app.eventQueue, report);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^\[webhook\] NocoBase 2\.2\.15: workflow engine activity: the workflow plugin has no `dispatcher`;/,
    );
    expect(errors[1]).toMatch(/^\[webhook\] NocoBase 2\.2\.15: workflow engine queue: /);
    await expect(activity.quiet()).resolves.toBeUndefined();
    await expect(activity.holdQueueWhile(async () => 'ran')).resolves.toBe('ran');
  });
});
