#!/usr/bin/env node
/**
 * Writes the sender catalogue (`src/common/senders.ts`) into the docs, between the markers
 * `<!-- senders:start -->` and `<!-- senders:end -->`:
 *  - docs/senders.md: the catalogue table (sender, preset, fields under their console labels, what
 *    is checked, the handshake, what picking the sender fills in, the sender's own docs);
 *  - README.md: a short table, each sender linked to its recipe in docs/senders.md.
 *
 * `npm run docs:senders` rewrites both files; `--check` only reports (exit code 1) when a file
 * differs from what the catalogue gives. Every sender must have a recipe in docs/senders.md, a
 * heading `### <label>` whose section links the sender's docs page.
 */
const fs = require('fs');
const path = require('path');
const Module = require('module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const CATALOGUE = path.join(root, 'src/common/senders.ts');
const SENDERS_DOC = 'docs/senders.md';
const README = 'README.md';
const START = '<!-- senders:start -->';
const END = '<!-- senders:end -->';
const NOTICE =
  '<!-- Written by `npm run docs:senders` from src/common/senders.ts; edit the catalogue, not this table. -->';

/** The scheme that is not a sender of the catalogue, listed after them. */
const CUSTOM = { id: 'custom', label: 'Other (custom HMAC)' };

/**
 * A TypeScript module of the source tree, compiled in memory; its relative imports are compiled
 * the same way (the catalogue imports only types today, which compile to nothing).
 */
function loadTypeScript(file, cache = new Map()) {
  if (cache.has(file)) {
    return cache.get(file).exports;
  }
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true },
    fileName: file,
  });
  const compiled = new Module(file, module);
  compiled.filename = file;
  compiled.paths = Module._nodeModulePaths(path.dirname(file));
  compiled.require = (request) => {
    if (!request.startsWith('.')) {
      return require(require.resolve(request, { paths: [path.dirname(file)] }));
    }
    const base = path.resolve(path.dirname(file), request);
    const found = [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
    return found ? loadTypeScript(found, cache) : require(base);
  };
  cache.set(file, compiled);
  compiled._compile(outputText, file);
  return compiled.exports;
}

/** The sender catalogue, `SENDERS` of `src/common/senders.ts`. */
function loadSenders(file = CATALOGUE) {
  return loadTypeScript(file).SENDERS;
}

/** GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen. */
function anchorOf(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A table cell: one line, pipes escaped. */
const cell = (text) => String(text).replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => `\`${text}\``;

function fieldsOf(sender) {
  return sender.fields
    .map((field) => `${code(field.name)} ${field.label}${field.required ? '' : ' (optional)'}`)
    .join('<br>');
}

function checksOf(sender) {
  return sender.timestamped ? `${sender.checks} Timestamp within \`tolerance\`.` : sender.checks;
}

/** Where a value is read: a header or a body path. */
const source = (rule) => (rule.header ? `header ${code(rule.header)}` : `body ${code(rule.bodyPath)}`);

function defaultsOf(sender) {
  const defaults = sender.defaults ?? {};
  const parts = [];
  if (defaults.idempotency) {
    parts.push(`delivery id: ${source(defaults.idempotency)}`);
  }
  if (defaults.eventType) {
    parts.push(`event type: ${source(defaults.eventType)}`);
  }
  if (defaults.events) {
    const { path: eventsPath, type, id } = defaults.events;
    parts.push(
      [`one run per event of ${code(eventsPath)}`, type && `type ${code(type)}`, id && `id ${code(id)}`]
        .filter(Boolean)
        .join(', '),
    );
  }
  if (defaults.response) {
    parts.push(`answer: ${code(defaults.response.statusCode ?? 200)} ${code(defaults.response.body ?? '')}`);
  }
  return parts.join('; ') || '—';
}

/** The catalogue table of docs/senders.md, each sender linked to its recipe on the same page. */
function catalogueTable(senders) {
  const rows = senders.map((sender) =>
    [
      `[${sender.label}](#${anchorOf(sender.label)})`,
      code(sender.id),
      fieldsOf(sender),
      checksOf(sender),
      sender.handshake ?? '—',
      defaultsOf(sender),
      `[docs](${sender.docs})`,
    ].map(cell),
  );
  rows.push(
    [
      `[${CUSTOM.label}](#${anchorOf(CUSTOM.label)})`,
      code(CUSTOM.id),
      `${code('secret')} your shared secret`,
      'Checks an HMAC header you describe: header, prefix, algorithm, encoding, signed payload, optional timestamp.',
      '—',
      '—',
      '—',
    ].map(cell),
  );
  return [
    "| sender | `preset` | fields (`signature.…` and the console label) | checked (constant time, over the raw bytes) | verification request: answered, no run | the form fills in | sender's docs |",
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** The README's short table: each sender linked to its recipe in docs/senders.md. */
function readmeTable(senders) {
  const rows = [...senders, CUSTOM].map(
    (sender) => `| [${cell(sender.label)}](${SENDERS_DOC}#${anchorOf(sender.label)}) | ${code(sender.id)} |`,
  );
  return ['| sender | `preset` |', '| --- | --- |', ...rows].join('\n');
}

/** `text` with the block between the markers replaced; throws when the markers are missing. */
function replaceBetweenMarkers(text, block, file) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`${file} has no ${START} … ${END} markers`);
  }
  return `${text.slice(0, start)}${START}\n${NOTICE}\n\n${block}\n\n${text.slice(end)}`;
}

/** The recipe sections of docs/senders.md (`### <heading>` up to the next heading of level 2 or 3). */
function recipesOf(text) {
  const recipes = new Map();
  const headings = [...text.matchAll(/^(#{2,3}) (.+)$/gm)];
  headings.forEach((match, index) => {
    if (match[1] === '###') {
      const next = headings[index + 1];
      recipes.set(match[2].trim(), text.slice(match.index, next ? next.index : text.length));
    }
  });
  return recipes;
}

/** Every sender needs a recipe whose section links its docs page. */
function checkRecipes(senders, text) {
  const recipes = recipesOf(text);
  const problems = [];
  for (const sender of senders) {
    const recipe = recipes.get(sender.label);
    if (!recipe) {
      problems.push(`no recipe "### ${sender.label}"`);
    } else if (!recipe.includes(sender.docs)) {
      problems.push(`the recipe "### ${sender.label}" does not link ${sender.docs}`);
    }
  }
  if (!recipes.has(CUSTOM.label)) {
    problems.push(`no recipe "### ${CUSTOM.label}"`);
  }
  if (problems.length) {
    throw new Error(`${SENDERS_DOC}: ${problems.join('; ')}`);
  }
}

/**
 * What the two files must hold, from the catalogue and the files' current text (outside the
 * markers the text is kept as it is): `{ [relativePath]: text }`.
 */
function generate({ rootDir = root, senders = loadSenders() } = {}) {
  const read = (file) => fs.readFileSync(path.join(rootDir, file), 'utf8');
  const sendersDoc = read(SENDERS_DOC);
  checkRecipes(senders, sendersDoc);
  return {
    [SENDERS_DOC]: replaceBetweenMarkers(sendersDoc, catalogueTable(senders), SENDERS_DOC),
    [README]: replaceBetweenMarkers(read(README), readmeTable(senders), README),
  };
}

function main() {
  const check = process.argv.includes('--check');
  const files = generate();
  let stale = 0;
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(root, file);
    if (fs.readFileSync(target, 'utf8') === text) {
      continue;
    }
    stale += 1;
    if (check) {
      console.error(`${file} differs from the sender catalogue: run npm run docs:senders`);
    } else {
      fs.writeFileSync(target, text);
      console.log(`wrote ${file}`);
    }
  }
  if (check && stale) {
    process.exitCode = 1;
  }
}

module.exports = { generate, loadSenders, catalogueTable, readmeTable, anchorOf, START, END };

if (require.main === module) {
  main();
}
