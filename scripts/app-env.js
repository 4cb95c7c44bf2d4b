/**
 * The environment a NocoBase 2.x app needs when it is started from its npm package rather than
 * through create-nocobase-app's CLI (which would normally set these). Values already present in
 * the caller's environment win, so APP_PORT, APP_KEY, DB_* and INIT_ROOT_* can be overridden.
 */
const path = require('path');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));

/**
 * NocoBase signs its sessions with APP_KEY: a value written in this repository would let anyone
 * forge them. Each storage folder gets its own random key, made on first use and kept beside the
 * database, so that sign-ins survive restarts.
 */
function appKeyOf(storage) {
  const fs = require('fs');
  const file = path.join(storage, '.app-key');
  try {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (kept) return kept;
  } catch {
    // Not made yet.
  }
  const key = require('crypto').randomBytes(32).toString('hex');
  fs.mkdirSync(storage, { recursive: true });
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

function appEnv({ storage = path.join(root, 'storage'), port, overrides = {} } = {}) {
  const modules = path.join(root, 'node_modules');
  const defaults = {
    APP_ENV: 'production',
    APP_PORT: String(port ?? 13000),
    API_BASE_PATH: '/api/',
    API_BASE_URL: '',
    DB_DIALECT: 'sqlite',
    DB_STORAGE: path.join(storage, 'db', 'nocobase.sqlite'),
    DB_LOGGING: 'off',
    INIT_ROOT_EMAIL: 'admin@nocobase.com',
    INIT_ROOT_PASSWORD: 'admin123',
    INIT_ROOT_USERNAME: 'nocobase',
    NODE_MODULES_PATH: modules,
    NODE_PATH: modules,
    STORAGE_PATH: storage,
    LOCAL_STORAGE_DEST: path.join(storage, 'uploads'),
    PLUGIN_STORAGE_PATH: path.join(storage, 'plugins'),
    PLUGIN_PACKAGE_PREFIX: '@nocobase/plugin-,@nocobase/plugin-sample-,@nocobase/preset-,@hookflow/plugin-',
    APPEND_PRESET_BUILT_IN_PLUGINS: pkg.name,
    PLUGIN_STATICS_PATH: '/static/plugins/',
    APP_PACKAGE_ROOT: path.join(modules, '@nocobase', 'app'),
    CACHE_DEFAULT_STORE: 'memory',
    CACHE_MEMORY_MAX: '2000',
    WS_PATH: '/ws',
    APP_PUBLIC_PATH: '/',
    API_CLIENT_STORAGE_PREFIX: 'NOCOBASE_',
    API_CLIENT_STORAGE_TYPE: 'localStorage',
    API_CLIENT_SHARE_TOKEN: 'false',
    DEFAULT_STORAGE_TYPE: 'local',
    CDN_BASE_URL: '',
    APP_SERVER_BASE_URL: '',
    APP_BASE_URL: '',
    APP_MODERN_CLIENT_PREFIX: 'v',
    APP_CLIENT_ENTRY_MODE: 'legacy-default',
    SOCKET_PATH: path.join(storage, 'gateway.sock'),
    PM2_HOME: path.join(storage, '.pm2'),
    LOGGER_BASE_PATH: path.join(storage, 'logs'),
  };
  const env = { ...process.env, ...defaults, ...pickSet(process.env, Object.keys(defaults)), ...overrides };
  return { ...env, APP_KEY: env.APP_KEY || appKeyOf(env.STORAGE_PATH) };
}

function pickSet(env, names) {
  const picked = {};
  for (const name of names) {
    if (env[name] !== undefined && env[name] !== '') picked[name] = env[name];
  }
  return picked;
}

/** Makes the package resolvable as `node_modules/<name>`, the way a user's NocoBase finds plugins. */
function linkPackage() {
  const fs = require('fs');
  const link = path.join(root, 'node_modules', ...pkg.name.split('/'));
  fs.mkdirSync(path.dirname(link), { recursive: true });
  let current = null;
  try {
    current = fs.readlinkSync(link);
  } catch {
    current = null;
  }
  if (current !== root) {
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(root, link, 'dir');
  }
}

const APP_ENTRY = path.join(root, 'node_modules', '@nocobase', 'app', 'lib', 'index.js');

module.exports = { appEnv, appKeyOf, linkPackage, APP_ENTRY, root, pkg };
