import { execFileSync, spawn, ChildProcess } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { freePort } from './helpers/runningApp';
import { sleep } from './helpers/waitUntil';

const { appEnv, linkPackage, APP_ENTRY, root, pkg } = require('../scripts/app-env');

const LINK = path.join(root, 'node_modules', ...String(pkg.name).split('/'));

/**
 * What an admin does with the release artifact: `npm pack` → Plugin Manager's "add" (here its CLI
 * twin `pm add <file>`) on a NocoBase that has never seen the source tree → enable → start.
 */
describe('the packed plugin', () => {
  let storage: string;
  let app: ChildProcess | null = null;
  let log = '';

  beforeAll(() => {
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-packed-'));
    fs.rmSync(LINK, { recursive: true, force: true });
  });

  afterAll(async () => {
    if (app && app.exitCode == null) {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGINT');
      await exited;
    }
    fs.rmSync(LINK, { recursive: true, force: true });
    linkPackage();
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('installs from its tarball into a fresh app and serves webhooks', async () => {
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', storage], { cwd: root })
      .toString()
      .trim()
      .split('\n')
      .pop();
    const tarball = path.join(storage, packed);
    expect(fs.existsSync(tarball)).toBe(true);

    const port = await freePort();
    const env = appEnv({
      storage: path.join(storage, 'app'),
      port,
      overrides: { APPEND_PRESET_BUILT_IN_PLUGINS: '', LOGGER_LEVEL: 'warn' },
    });
    const run = (...args: string[]) =>
      execFileSync(process.execPath, [APP_ENTRY, ...args], { cwd: root, env, stdio: 'pipe' });
    run('install');
    run('pm', 'add', tarball);
    run('pm', 'enable', '@hookflow/plugin-workflow-webhook');
    expect(fs.realpathSync(LINK)).toBe(
      fs.realpathSync(path.join(env.PLUGIN_STORAGE_PATH, '@hookflow', 'plugin-workflow-webhook')),
    );

    app = spawn(process.execPath, [APP_ENTRY, 'start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    app.stdout.on('data', (chunk) => (log += chunk));
    app.stderr.on('data', (chunk) => (log += chunk));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 180_000;
    let ready = false;
    while (!ready && Date.now() < deadline) {
      ready = await fetch(`${base}/api/app:getInfo`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (!ready) await sleep(500);
    }
    expect({ ready, log: ready ? '' : log.slice(-3000) }).toEqual({ ready: true, log: '' });

    const enabled = (await (await fetch(`${base}/api/pm:listEnabled`)).json()) as {
      data: { packageName: string; url: string }[];
    };
    const plugin = enabled.data.find((item) => item.packageName === pkg.name);
    expect(plugin?.url).toContain('/dist/client/index.js');
    expect((await fetch(`${base}${plugin.url}`)).status).toBe(200);

    const signIn = await fetch(`${base}/api/auth:signIn`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
      body: JSON.stringify({ account: 'admin@nocobase.com', password: 'admin123' }),
    });
    const token = ((await signIn.json()) as { data: { token: string } }).data.token;
    const created = await fetch(`${base}/api/workflows:create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: 'packed',
        type: 'webhook',
        sync: false,
        enabled: true,
        config: { response: { body: 'from the tarball' } },
      }),
    });
    const { data: workflow } = (await created.json()) as { data: { key: string } };
    const delivered = await fetch(`${base}/api/webhook:trigger/${workflow.key}`, { method: 'POST', body: '{}' });
    expect(delivered.status).toBe(200);
    expect(await delivered.text()).toBe('from the tarball');
  });
});
