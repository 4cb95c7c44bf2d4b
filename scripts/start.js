#!/usr/bin/env node
/**
 * `npm start`: a real NocoBase 2.2.15 app (the @nocobase/app package with all its preset plugins)
 * on embedded SQLite under ./storage, with this plugin discovered as an installed package.
 * The first run installs the app; later runs keep the data and upgrade it when needed.
 */
const fs = require('fs');
const path = require('path');
const { spawn, execFileSync } = require('child_process');
const { appEnv, linkPackage, APP_ENTRY, root } = require('./app-env');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.name === '__tests__') continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const built = path.join(root, 'dist', 'client-v2', 'index.js');
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestMtime(path.join(root, 'src'))) {
    return;
  }
  console.log('[start] building the plugin…');
  execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { cwd: root, stdio: 'inherit' });
}

function main() {
  buildIfNeeded();
  linkPackage();
  const env = appEnv();
  if (env.DB_DIALECT === 'sqlite') {
    fs.mkdirSync(path.dirname(env.DB_STORAGE), { recursive: true });
  }
  const url = `http://localhost:${env.APP_PORT}/`;
  console.log(`[start] NocoBase on ${env.DB_DIALECT} (storage: ${path.relative(root, env.STORAGE_PATH) || '.'})`);
  const child = spawn(process.execPath, [APP_ENTRY, 'start', '--quickstart'], {
    cwd: root,
    env,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let announced = false;
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!announced && /app has been started|started|listening/i.test(String(chunk))) {
      announced = true;
      console.log(`\n[start] Admin UI:  ${url}admin`);
      console.log(`[start] Sign in:   ${env.INIT_ROOT_EMAIL} / ${env.INIT_ROOT_PASSWORD}`);
      console.log(`[start] Webhooks:  ${url}api/webhook:trigger/<workflow key>\n`);
    }
  });
  const stop = (signal) => {
    if (!child.killed) child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main();
