import fs from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { Application } from '@nocobase/server';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import PluginWorkflowWebhookServer from '../../Plugin';
import { applicationOptions, freshServerDatabase, TestDatabase } from './databases';

export interface TestApp {
  app: Application;
  baseUrl: string;
  /** Real HTTP to the running app; the path starts after the origin, e.g. `/api/webhook:trigger/k`. */
  request(pathname: string, init?: RequestInit): Promise<Response>;
  createWorkflow(values: Record<string, unknown>): Promise<WorkflowModel>;
  stop(): Promise<void>;
}

const REQUIRED_PLUGINS = [
  'users',
  'auth',
  'acl',
  'error-handler',
  'data-source-main',
  'data-source-manager',
  'field-sort',
  'system-settings',
  'workflow',
];

/** Extra plugins go before system-settings, whose install already uploads a file (its logo). */
function withExtraPlugins(extra: string[]): string[] {
  const at = REQUIRED_PLUGINS.indexOf('system-settings');
  return [...REQUIRED_PLUGINS.slice(0, at), ...extra, ...REQUIRED_PLUGINS.slice(at)];
}

/**
 * SQLite by default (a fresh file per test file). With DB_DIALECT=postgres or mysql and the usual
 * DB_* variables (see scripts/with-database.sh), each test file gets a database of its own on that
 * server, dropped when the file's app stops.
 */
async function freshDatabase(dir: string): Promise<TestDatabase> {
  const dialect = process.env.DB_DIALECT ?? 'sqlite';
  if (dialect === 'sqlite') {
    return {
      options: { dialect: 'sqlite', storage: path.join(dir, 'db.sqlite'), logging: false },
      drop: async () => {},
    };
  }
  const database = await freshServerDatabase(dialect, 'webhook_test');
  return { options: applicationOptions(dialect, database), drop: () => database.drop() };
}

/**
 * Boots a real NocoBase application (from @nocobase/server) with the plugins a workflow needs and
 * this plugin, on a fresh database, listening on a free loopback port.
 */
export async function startTestApp(
  options: { database?: Record<string, unknown>; extraPlugins?: string[] } = {},
): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-test-'));
  const database = options.database ? { options: options.database, drop: async () => {} } : await freshDatabase(dir);
  const app = new Application({
    name: `main`,
    database: database.options,
    resourcer: { prefix: '/api' },
    acl: true,
    plugins: [...withExtraPlugins(options.extraPlugins ?? []), PluginWorkflowWebhookServer],
  } as ConstructorParameters<typeof Application>[0]);
  await app.runCommandThrowError('install', '-f');
  await app.runCommandThrowError('start');

  // The middleware chain is composed per request, as NocoBase's gateway does: after a restart (an
  // upgrade, a plugin enabled) requests reach the chain the reloaded plugins made.
  const server = http.createServer((req, res) => app.callback()(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    app,
    baseUrl,
    request: (pathname, init) => fetch(`${baseUrl}${pathname}`, init),
    createWorkflow: async (values) =>
      (await app.db.getRepository('workflows').create({ values })) as unknown as WorkflowModel,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.destroy();
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One app for the whole test file: started before the first test, destroyed after the last.
 * Returns an accessor because the app exists only once `beforeAll` has run.
 */
export function useTestApp(
  setup?: (testApp: TestApp) => void | Promise<void>,
  options: Parameters<typeof startTestApp>[0] = {},
): () => TestApp {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp(options);
    await setup?.(testApp);
  });
  afterAll(async () => {
    await testApp?.stop();
  });
  return () => testApp;
}
