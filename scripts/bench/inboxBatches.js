/**
 * Group-commit batch sizes, as the app logged them ("[webhook] inbox batches: N deliveries in M
 * commits, largest L, median D"): summed over every line in the app's system logs.
 */
const fs = require('fs');
const path = require('path');

const LINE = /\[webhook\] inbox batches: (\d+) deliveries in (\d+) commits, largest (\d+), median (\d+)/;

function logFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return logFiles(full);
    return /^system_.*\.log$/.test(entry.name) ? [full] : [];
  });
}

function inboxBatches(storage) {
  const totals = { deliveries: 0, commits: 0, largest: 0, medians: [] };
  for (const file of logFiles(path.join(storage, 'logs'))) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const match = LINE.exec(line);
      if (!match) continue;
      const [, deliveries, commits, largest, median] = match.map(Number);
      totals.deliveries += deliveries;
      totals.commits += commits;
      totals.largest = Math.max(totals.largest, largest);
      totals.medians.push(median);
    }
  }
  return {
    deliveries: totals.deliveries,
    commits: totals.commits,
    perCommit: totals.commits ? totals.deliveries / totals.commits : null,
    largest: totals.largest,
    // Median batch of each logged period (one a period, in log order).
    periodMedians: totals.medians,
  };
}

module.exports = { inboxBatches };
