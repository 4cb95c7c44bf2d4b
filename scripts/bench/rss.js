/**
 * Resident memory of the process that really serves HTTP. The app entry might fork (a gateway, a
 * worker), so the serving process is found as the one, among the started child and its
 * descendants, that holds the listening socket of the app's port (Linux /proc only).
 */
const fs = require('fs');

function read(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function listeningInodes(port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of read(table).split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[1].endsWith(`:${hexPort}`) && cols[3] === '0A') inodes.add(cols[9]);
    }
  }
  return inodes;
}

function descendants(rootPid) {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    // Field 4 of /proc/<pid>/stat is the parent; the name in parentheses may contain spaces.
    const stat = read(`/proc/${name}/stat`);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const all = [rootPid];
  for (let i = 0; i < all.length; i += 1) all.push(...(children.get(all[i]) ?? []));
  return all;
}

function holdsSocket(pid, inodes) {
  let fds = [];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  return fds.some((fd) => {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      return match && inodes.has(match[1]);
    } catch {
      return false;
    }
  });
}

/** The pid listening on `port` in the process tree under `rootPid`; the root itself otherwise. */
function servingPid(rootPid, port) {
  const inodes = listeningInodes(port);
  return descendants(rootPid).find((pid) => holdsSocket(pid, inodes)) ?? rootPid;
}

/** VmRSS in MB, or null once the process is gone. */
function rssMB(pid) {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(read(`/proc/${pid}/status`));
  return match ? Number(match[1]) / 1024 : null;
}

module.exports = { servingPid, rssMB };
