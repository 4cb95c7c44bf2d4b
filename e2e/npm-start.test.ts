import { RunningApp, startRunningApp } from './helpers/runningApp';

interface EnabledPlugin {
  packageName: string;
  url?: string;
  clientV2Url?: string;
}

describe('npm start', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startRunningApp();
  });

  afterAll(async () => {
    await running?.stop();
  });

  it('runs NocoBase 2.2.15 on SQLite', async () => {
    const info = await running.api<{ data: { version: string; database: { dialect: string } } }>('app:getInfo');
    expect(info.data.version).toBe('2.2.15');
    expect(info.data.database.dialect).toBe('sqlite');
  });

  it('lists this plugin as enabled with both client bundles served as JavaScript', async () => {
    const { data } = await running.api<{ data: EnabledPlugin[] }>('pm:listEnabled');
    const plugin = data.find((item) => item.packageName === '@hookflow/plugin-workflow-webhook');
    expect(plugin).toBeDefined();
    for (const url of [plugin.url, plugin.clientV2Url]) {
      expect(url).toMatch(/^\/static\/plugins\/@hookflow\/plugin-workflow-webhook\/dist\/client(-v2)?\/index\.js/);
      const response = await fetch(`${running.baseUrl}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(await response.text()).toContain('define("@hookflow/plugin-workflow-webhook');
    }
  });
});
