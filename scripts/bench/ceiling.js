/** Starts ceiling-server.js as a separate process, so it gets a core of its own like the app. */
const path = require('path');
const { spawn } = require('child_process');
const { stopGroup } = require('./processes');

function startCeiling(timeoutMs = 20000) {
  const child = spawn(process.execPath, [path.join(__dirname, 'ceiling-server.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      stopGroup(child, 1000);
      reject(new Error('the ceiling server did not start'));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ceiling server exited with ${code}`));
    });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({ child, url: `http://127.0.0.1:${match[1]}/`, stop: () => stopGroup(child, 3000) });
    });
  });
}

module.exports = { startCeiling };
