import { ChildProcess, spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { sleep } from './waitUntil';

const ROOT = path.resolve(__dirname, '..', '..');

export interface RunningApp {
  baseUrl: string;
  storage: string;
  output(): string;
  signIn(): Promise<string>;
  api<T = unknown>(pathname: string, init?: { method?: string; body?: unknown; token?: string }): Promise<T>;
  stop(): Promise<void>;
  /**
   * A signal to the app and its launcher at once: SIGKILL (the default) as a crash or an OOM kill
   * would end them, SIGTERM as a container stop or a deploy does (SIGKILL after 30 s).
   */
  kill(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForApp(baseUrl: string, child: ChildProcess, deadline: number) {
  while (Date.now() < deadline) {
    if (child.exitCode != null) {
      throw new Error(`app exited with code ${child.exitCode}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/app:getInfo`);
      if (response.status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`app did not answer at ${baseUrl} in time`);
}

export interface RunningAppOptions {
  env?: Record<string, string>;
  storage?: string;
  /**
   * Serve behind `WEBHOOK_PUBLIC_URL` set to the app's own address, as a deployment that senders
   * reach does: a subscription can then hand out its URL, and callback URLs become absolute.
   */
  publicUrl?: boolean;
}

/**
 * Runs the app exactly as `npm start` does (scripts/start.js), on a fresh storage folder and a
 * free port, and waits until it serves the API.
 */
export async function startRunningApp(options: RunningAppOptions = {}): Promise<RunningApp> {
  fs.mkdirSync(path.join(ROOT, 'storage'), { recursive: true });
  const storage = options.storage ?? fs.mkdtempSync(path.join(ROOT, 'storage', 'e2e-'));
  fs.mkdirSync(storage, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      // As `npm start` runs for a user: the app makes its own key in its storage folder.
      APP_KEY: '',
      APP_PORT: String(port),
      STORAGE_PATH: storage,
      DB_STORAGE: path.join(storage, 'db', 'nocobase.sqlite'),
      LOGGER_LEVEL: 'warn',
      ...(options.publicUrl ? { WEBHOOK_PUBLIC_URL: baseUrl } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that `kill()` reaches the app that scripts/start.js launches.
    detached: true,
  });
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  try {
    await waitForApp(baseUrl, child, Date.now() + 240_000);
  } catch (error) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone: its output below says why.
    }
    throw new Error(`${(error as Error).message}\n${log.slice(-4000)}`);
  }

  const api = async <T>(pathname: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const response = await fetch(`${baseUrl}/api/${pathname}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        'Content-Type': 'application/json',
        ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${pathname} answered ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : null) as T;
  };

  return {
    baseUrl,
    storage,
    output: () => log,
    api,
    async signIn() {
      const response = await fetch(`${baseUrl}/api/auth:signIn`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
        body: JSON.stringify({ account: 'admin@nocobase.com', password: 'admin123' }),
      });
      const json = (await response.json()) as { data: { token: string } };
      return json.data.token;
    },
    async kill(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') {
      if (child.exitCode == null && child.signalCode == null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid!, signal);
        const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
    },
    async stop() {
      if (child.exitCode == null && child.signalCode == null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.storage) {
        fs.rmSync(storage, { recursive: true, force: true });
      }
    },
  };
}
