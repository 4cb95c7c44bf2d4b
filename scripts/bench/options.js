/**
 * Command-line options of `npm run bench`. Defaults are sized to finish in about five minutes on a
 * two-core machine; `--quick` is the CI preset, which only has to prove that nothing errors and
 * nothing is lost, so it keeps every phase but makes each one short.
 *
 * The time goes to drains: every accepted async delivery is a run afterwards, and NocoBase's engine
 * runs about 25–100 (SQLite) to 50–120 (PostgreSQL) one-node executions a second on two cores, while the
 * endpoint accepts 600–1,200 deliveries a second. So async bursts are bounded by a number of
 * requests (each one also paired with as many engine-reference records), and the memory phase
 * sends 1,500 by default; `--leak-requests 20000` is the full leak check (about 15 min on SQLite).
 */
const DEFAULTS = {
  connections: 20,
  duration: 5, // seconds per target per round
  warmup: 1, // seconds per target, before the first round, not measured
  rounds: 3,
  bodySize: 1024, // bytes of the order-like JSON payload
  leakRequests: 1500,
  db: 'sqlite',
  out: null,
  quick: false,
  // The drain gives up only when the engine makes no progress for this long: a slow engine is
  // reported as slow, a stuck one as deliveries lost.
  stallSeconds: 90,
  // N: each async burst is N requests instead of lasting --duration, because every accepted
  // delivery costs the app a run afterwards, and the engine runs far fewer per second than the
  // endpoint accepts; this bounds the drains' time (300 runs ≈ 3–12 s on SQLite, 3–6 s on PostgreSQL).
  // 0: async bursts last --duration like every target (each then drains for minutes).
  asyncCap: 300,
  // Records per create request while the engine reference prepares a burst (unmeasured; NocoBase
  // slows down with the square of the records in one request).
  engineBatch: 50,
  // The crash phase: this many async requests, SIGKILL once half are answered, restart, audit.
  // 0 leaves the phase out.
  crashRequests: 600,
  // Async deliveries over 50 connections opened beforehand, timed without connection set-up.
  sustainedRequests: 1000,
  // The same again, due at this steady rate (req/s) instead of as fast as answers come back.
  pacedRate: 200,
  // Sustained overload: this many async requests from 600 concurrent senders (above the
  // endpoint's concurrency limit of 256), with RSS sampled; 0 leaves the phase out. A count, not a
  // duration: every request's answer is then recorded, none is cut off in flight at the end.
  overloadRequests: 3000,
};

const QUICK = {
  duration: 3,
  warmup: 1,
  rounds: 1,
  leakRequests: 300,
  stallSeconds: 45,
  asyncCap: 200,
  crashRequests: 300,
  sustainedRequests: 300,
  overloadRequests: 800,
};

const NUMERIC = [
  'connections',
  'duration',
  'warmup',
  'rounds',
  'bodySize',
  'leakRequests',
  'stallSeconds',
  'asyncCap',
  'engineBatch',
  'crashRequests',
  'sustainedRequests',
  'pacedRate',
  'overloadRequests',
];

function camel(flag) {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

function usage() {
  return [
    'usage: npm run bench -- [options]',
    '  --connections N     concurrent connections per target (default 20)',
    '  --duration S        seconds per target per round (default 5)',
    '  --warmup S          unmeasured seconds per target before round 1 (default 1)',
    '  --rounds N          interleaved rounds A,B,C,D,A,B,… (default 3)',
    '  --body-size BYTES   size of the JSON delivery body (default 1024)',
    '  --leak-requests N   async requests in the memory phase (default 1500; 20000 for the full leak check)',
    '  --overload-requests N  async requests from 600 concurrent senders, RSS sampled (default 3000; 0 = off)',
    '  --db sqlite|postgres|mysql  postgres and mysql read DB_HOST/DB_PORT/DB_DATABASE/DB_USER/DB_PASSWORD;',
    "                      without DB_HOST it runs under scripts/with-database.sh (the machine's own server",
    '                      on its standard port, or a throw-away local one)',
    '  --stall-seconds S   drain gives up after S seconds without progress (default 90)',
    '  --async-cap N       each async burst sends N requests instead of lasting --duration (default 300; 0: --duration)',
    '  --engine-batch N    records per create request while the engine reference prepares a burst (default 50)',
    '  --sustained-requests N  async requests over 50 kept-open connections, p99 without connection set-up (default 1000)',
    '  --paced-rate R      the same requests again, due at R per second, each timed from when it was due (default 200)',
    '  --crash-requests N  crash phase: N async requests, SIGKILL at half answered, restart, audit (default 600; 0: none)',
    '  --out FILE          write the results as JSON',
    '  --quick             CI preset: short phases, asserts only no errors and nothing lost',
  ].join('\n');
}

function parseOptions(argv) {
  const given = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n${usage()}`);
    const [flag, inline] = arg.split('=', 2);
    const name = camel(flag);
    if (name === 'quick') {
      given.quick = true;
      continue;
    }
    if (!(name in DEFAULTS)) throw new Error(`unknown option ${flag}\n${usage()}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    given[name] = value;
  }
  const options = { ...DEFAULTS, ...(given.quick ? QUICK : {}), ...given };
  for (const name of NUMERIC) {
    const number = Number(options[name]);
    if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a non-negative number`);
    options[name] = number;
  }
  if (options.connections < 1 || options.rounds < 1 || options.duration <= 0 || options.engineBatch < 1) {
    throw new Error('--connections, --rounds, --duration and --engine-batch must be positive');
  }
  if (!['sqlite', 'postgres', 'mysql'].includes(options.db)) throw new Error('--db must be sqlite, postgres or mysql');
  return options;
}

module.exports = { parseOptions, DEFAULTS, QUICK };
