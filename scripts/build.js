#!/usr/bin/env node
/**
 * Builds the plugin the way NocoBase loads it:
 *  - server: TypeScript → CommonJS (with declarations) in dist/, entry dist/server/index.js;
 *  - client lanes: one UMD bundle each with a named AMD define, "<package>" for the v1 client
 *    (dist/client/index.js) and "<package>/client-v2" for the v2 client (dist/client-v2/index.js),
 *    every library the NocoBase page already provides left external;
 *  - locales copied to dist/locale, where NocoBase's locale loader looks for them.
 */
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { rollup } = require('rollup');
const esbuild = require('rollup-plugin-esbuild').default;
const { BUNDLED_PACKAGES, INLINED_DATA_MODULES, isExternal } = require('./client-externals');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));

const LANES = [
  { entry: 'src/client/index.tsx', outDir: 'dist/client', amdId: pkg.name },
  { entry: 'src/client-v2/index.tsx', outDir: 'dist/client-v2', amdId: `${pkg.name}/client-v2` },
];

/**
 * Each of `INLINED_DATA_MODULES` (CommonJS files of plain JSON-like values) becomes an ES module of
 * its exported values, read from the installed package at build time.
 */
function inlineDataModules() {
  const files = new Map(INLINED_DATA_MODULES.map((id) => [require.resolve(id, { paths: [root] }), id]));
  return {
    name: 'inline-data-modules',
    resolveId(id) {
      return INLINED_DATA_MODULES.includes(id) ? require.resolve(id, { paths: [root] }) : null;
    },
    load(file) {
      if (!files.has(file)) {
        return null;
      }
      const values = require(file);
      return Object.keys(values)
        .filter((name) => name !== '__esModule')
        .map((name) => `export const ${name} = ${JSON.stringify(values[name])};`)
        .join('\n');
    },
  };
}

/**
 * Libraries the page does not provide and the client bundles carry (see client-externals.js):
 * resolved to their ES module build, so that the bundle keeps only the parts it imports.
 */
function bundledLibraries() {
  return {
    name: 'bundled-libraries',
    resolveId(id, importer) {
      if (!importer || !BUNDLED_PACKAGES.includes(id)) {
        return null;
      }
      // Read from the folder: these packages export no `./package.json`.
      const folder = path.join(root, 'node_modules', id);
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
      // `module` names the ES build in both; `exports` differs in shape between them.
      const entry = manifest.module ?? manifest.main;
      return path.join(folder, entry);
    },
  };
}

function buildServer() {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.server.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  const localeOut = path.join(root, 'dist/locale');
  fs.mkdirSync(localeOut, { recursive: true });
  for (const file of fs.readdirSync(path.join(root, 'src/locale'))) {
    if (file.endsWith('.json')) {
      fs.copyFileSync(path.join(root, 'src/locale', file), path.join(localeOut, file));
    }
  }
}

async function buildLane({ entry, outDir, amdId }) {
  const bundle = await rollup({
    input: path.join(root, entry),
    external: isExternal,
    plugins: [
      inlineDataModules(),
      bundledLibraries(),
      esbuild({
        target: 'es2019',
        jsx: 'transform',
        jsxFactory: 'React.createElement',
        jsxFragment: 'React.Fragment',
        tsconfig: path.join(root, 'tsconfig.json'),
        minify: process.env.NODE_ENV !== 'development',
        loaders: { '.json': 'json' },
      }),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'UNRESOLVED_IMPORT') {
        throw new Error(
          `${entry}: cannot resolve ${warning.exporter}; add it to scripts/client-externals.js or install it`,
        );
      }
      warn(warning);
    },
  });
  await bundle.write({
    file: path.join(root, outDir, 'index.js'),
    format: 'umd',
    name: amdId.replace(/[^A-Za-z0-9_$]/g, '_'),
    amd: { id: amdId },
    exports: 'named',
    inlineDynamicImports: true,
    globals: (id) => id,
  });
  await bundle.close();
}

async function main() {
  const only = process.argv[2];
  if (!only || only === 'server') buildServer();
  if (!only || only === 'client') {
    for (const lane of LANES) await buildLane(lane);
  }
  console.log(`built ${pkg.name} into dist/`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
