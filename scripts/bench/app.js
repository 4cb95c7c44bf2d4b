/**
 * Starts the real NocoBase app the way `npm start` does (build if stale, link the package, run
 * the app entry with `start --quickstart` and the env from app-env.js), but on a fresh temporary
 * storage folder and a free port. Logging stays at NocoBase's default level, as a production user
 * runs it; the console output goes straight to a file so the bench process does not relay it.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { appEnv, linkPackage, APP_ENTRY, root } = require('../app-env');
const { freePort, waitForOk, stopGroup, tail } = require('./processes');

const START_TIMEOUT_MS = 300000;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '__tests__') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

// Same staleness rule as scripts/start.js: benchmarking an old build would measure old code.
function buildIfNeeded() {
  const built = path.join(root, 'dist', 'client-v2', 'index.js');
  const server = path.join(root, 'dist', 'server', 'index.js');
  if (
    fs.existsSync(built) &&
    fs.existsSync(server) &&
    fs.statSync(built).mtimeMs >= newestMtime(path.join(root, 'src'))
  ) {
    return;
  }
  console.log('[bench] building the plugin…');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.js')], { cwd: root, stdio: 'inherit' });
}

/**
 * @param {{ database?: Record<string,string>, nodeArgs?: string[], heapProbe?: boolean, storage?: string }} options
 *   database: DB_* overrides (PostgreSQL); nodeArgs: node flags before the entry, e.g. --cpu-prof
 *   (which Node does not accept in NODE_OPTIONS); heapProbe: load heapProbe.js, so that
 *   liveHeap.js can read the live heap after a full collection.
 */
async function startApp({ database = null, nodeArgs = [], heapProbe = false, storage: reused = null } = {}) {
  buildIfNeeded();
  linkPackage();
  // `storage` given: start again on what an earlier app left there (the crash phase's restart).
  const storage = reused ?? fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-bench-'));
  const port = await freePort();
  const overrides = { ...(database ?? {}) };
  const env = appEnv({ storage, port, overrides });
  // The plugin logs its group-commit batch sizes this often; inboxBatches.js reads them.
  env.WEBHOOK_BATCH_REPORT_MS = env.WEBHOOK_BATCH_REPORT_MS || '5000';
  const heapFile = heapProbe ? path.join(storage, 'heap-probe.jsonl') : null;
  if (heapProbe) {
    env.WEBHOOK_BENCH_HEAP_FILE = heapFile;
    nodeArgs = [...nodeArgs, '--expose-gc', '--require', path.join(__dirname, 'heapProbe.js')];
  }
  if (!database) {
    // A fresh SQLite file in the temp folder, whatever the caller's environment says.
    env.DB_DIALECT = 'sqlite';
    env.DB_STORAGE = path.join(storage, 'db', 'nocobase.sqlite');
    fs.mkdirSync(path.dirname(env.DB_STORAGE), { recursive: true });
  }
  const outFile = path.join(storage, 'app-console.log');
  const out = fs.openSync(outFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, APP_ENTRY, 'start', '--quickstart'], {
    cwd: root,
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = {
    child,
    storage,
    port,
    baseUrl,
    env,
    outFile,
    heapFile,
    output: () => tail(outFile),
    async stop({ keepStorage = false } = {}) {
      await stopGroup(child);
      if (!keepStorage) fs.rmSync(storage, { recursive: true, force: true });
    },
  };
  const started = Date.now();
  try {
    await waitForOk(`${baseUrl}/api/app:getInfo`, child, START_TIMEOUT_MS);
  } catch (error) {
    const log = app.output();
    await app.stop();
    throw new Error(`${error.message}\n--- app output (tail) ---\n${log}`);
  }
  app.startSeconds = (Date.now() - started) / 1000;
  return app;
}

module.exports = { startApp };
