import fs from 'fs';
import path from 'path';
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

  it('signs sessions with a random APP_KEY kept in its storage folder, not one written in the repository', () => {
    const key = fs.readFileSync(path.join(running.storage, '.app-key'), 'utf8').trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const repository = ['scripts/app-env.js', 'scripts/start.js', 'README.md'].map((file) =>
      fs.readFileSync(path.join(__dirname, '..', file), 'utf8'),
    );
    expect(repository.join('\n')).not.toContain(key);
    const { appEnv } = require('../scripts/app-env');
    expect(appEnv({ overrides: { APP_KEY: '', STORAGE_PATH: running.storage } }).APP_KEY).toBe(key);
  });
});
