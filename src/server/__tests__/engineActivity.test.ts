import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { engineActivityOf } from '../scheduling/engineActivity';
import { useTestApp } from './helpers/testApp';
import { createWebhookWorkflow, postJson, waitForExecutions } from './helpers/workflows';

/**
 * The SQLite scheduler relies on two fields of NocoBase's workflow dispatcher that are not part of
 * its public API (`saving`, `executing`). This checks them on the real plugin, so that a NocoBase
 * version that renames or stops using them fails here instead of silently uncoordinating runs.
 */
describe('the workflow engine activity the SQLite scheduler reads', () => {
  const current = useTestApp();

  it('is exposed by the installed @nocobase/plugin-workflow, and marks a run while it executes', async () => {
    const plugin = current().app.pm.get(PluginWorkflowServer) as PluginWorkflowServer;
    const engine = engineActivityOf(plugin);
    expect(engine).not.toBeNull();

    const workflow = await createWebhookWorkflow(current(), {
      nodes: [{ type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } }],
    });
    const seen = { saving: false, executing: false };
    const probe = setInterval(() => {
      seen.saving ||= engine!.saving != null;
      seen.executing ||= engine!.executing != null;
    }, 0);
    try {
      await Promise.all(Array.from({ length: 20 }, (_, n) => postJson(current(), workflow.key, { n })));
      await waitForExecutions(current(), workflow.id, 20);
    } finally {
      clearInterval(probe);
    }
    expect(seen).toEqual({ saving: true, executing: true });
    expect(engine!.saving).toBeNull();
    expect(engine!.executing).toBeNull();
  });
});
