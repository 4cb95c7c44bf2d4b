/**
 * Loaded into the benchmarked app with `--require` (next to `--expose-gc`): on SIGUSR2 it runs two
 * full garbage collections and appends the live heap to the file named by WEBHOOK_BENCH_HEAP_FILE.
 * RSS depends on when V8 last collected and on how far it let the heap grow; the live heap after a
 * full collection does not, so it is what tells memory kept per delivery from garbage not yet
 * collected. Nothing happens until the bench sends the signal.
 */
const fs = require('fs');

const file = process.env.WEBHOOK_BENCH_HEAP_FILE;

if (file && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    global.gc();
    global.gc();
    const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
    fs.appendFileSync(file, `${JSON.stringify({ at: Date.now(), heapUsed, external, arrayBuffers, rss })}\n`);
  });
}
