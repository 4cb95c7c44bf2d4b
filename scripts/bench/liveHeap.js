/**
 * Reads the app's live heap through heapProbe.js: signal the serving process, wait for the line
 * it appends. Returns null when the app was started without the probe or did not answer.
 */
const fs = require('fs');
const { servingPid } = require('./rss');
const { sleep } = require('./processes');

const TIMEOUT_MS = 15000;
const MB = 1024 * 1024;

function probeLines(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

async function liveHeap(app) {
  if (!app.heapFile) return null;
  const seen = probeLines(app.heapFile).length;
  process.kill(servingPid(app.child.pid, app.port), 'SIGUSR2');
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const lines = probeLines(app.heapFile);
    if (lines.length > seen) {
      const sample = JSON.parse(lines[lines.length - 1]);
      return { heapMB: sample.heapUsed / MB, externalMB: sample.external / MB, rssMB: sample.rss / MB };
    }
    await sleep(200);
  }
  return null;
}

module.exports = { liveHeap };
