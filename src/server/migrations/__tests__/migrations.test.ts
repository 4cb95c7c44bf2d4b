import fs from 'fs';
import path from 'path';
import { NAMESPACE } from '../../../common/constants';
import { captureLogs } from '../../__tests__/helpers/captureLogs';
import { runMigration, upgrade } from '../../__tests__/helpers/migrations';
import { useTestApp } from '../../__tests__/helpers/testApp';
import { createWebhookWorkflow, postJson } from '../../__tests__/helpers/workflows';
import FirstRelease from '../20261205000000-first-release';

/** The migrations of this folder, by the name NocoBase records each under once it ran. */
function migrationNames(): string[] {
  const folder = path.resolve(__dirname, '..');
  return fs
    .readdirSync(folder)
    .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => `${file.replace(/\.(ts|js)$/, '')}/${NAMESPACE}`);
}

describe('migrations', () => {
  // NocoBase's upgrade runs every enabled plugin's migrations; the users plugin's need the UI schemas.
  const current = useTestApp(undefined, { extraPlugins: ['ui-schema-storage'] });

  it('are found in migrations/ and run by NocoBase upgrade, each once, under the package name', async () => {
    const names = migrationNames();
    expect(names).toContain(`20261205000000-first-release/${NAMESPACE}`);
    const ran = await upgrade(current());
    expect(ran).toEqual(expect.arrayContaining(names));
    const again = await upgrade(current());
    expect(again.filter((name) => names.includes(name)).sort()).toEqual([...names].sort());
  });

  it('leave a working plugin behind: a webhook answers after the upgrade', async () => {
    await upgrade(current());
    const workflow = await createWebhookWorkflow(current(), {
      sync: true,
      nodes: [{ type: 'response', config: { body: 'ok' } }],
    });
    const response = await postJson(current(), workflow.key, {});
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });

  it('the first one changes nothing and says so', async () => {
    const logs = captureLogs(current().app);
    try {
      await runMigration(current(), FirstRelease);
      await runMigration(current(), FirstRelease);
    } finally {
      logs.stop();
    }
    expect(logs.text()).toContain('[webhook] migrations: webhookDeliveries, webhookListeners');
  });
});
