/**
 * Hostile requests a webhook URL must survive, each sent over a raw socket so that nothing in an
 * HTTP client smooths it over. `runHostileCases` returns one row per case: what was sent and how
 * the server answered (status and error message), or that it cut the connection.
 */
const net = require('net');

const DEPTH = 10000;
const FIFTY_MB = 50 * 1024 * 1024;
const SLOW_BODY_BYTES = 12;

/** One raw HTTP/1.1 exchange; `write` gets the socket and sends the request its own way. */
function exchange(baseUrl, write, { timeoutMs = 60000 } = {}) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...outcome, ms: Date.now() - started });
    };
    const parse = () => {
      const text = received.toString('utf8');
      const head = text.indexOf('\r\n\r\n');
      if (head < 0) return null;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
      const lengthMatch = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, head));
      const body = text.slice(head + 4);
      if (lengthMatch && Buffer.byteLength(body) < Number(lengthMatch[1])) return null;
      let message = body.slice(0, 200);
      try {
        message = JSON.parse(body).error?.message ?? message;
      } catch {
        // Not JSON (Node's own 431, for one): the text is the message.
      }
      return { status, message: message || text.split('\r\n')[0] };
    };
    const timer = setTimeout(() => finish({ status: null, message: 'no answer (timed out)' }), timeoutMs);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const answer = parse();
      if (answer) finish(answer);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => finish(parse() ?? { status: null, message: 'connection cut off' }));
    socket.on('connect', () => write(socket, () => settled));
  });
}

function request(path, { method = 'POST', headers = {}, body = null } = {}) {
  const bytes = body == null ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: localhost', 'Connection: close'];
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-length')) {
    lines.push(`Content-Length: ${bytes.length}`);
  }
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), bytes]);
}

const json = { 'Content-Type': 'application/json' };

/** The cases, in the order they run. `path` is the workflow's webhook path. */
function hostileCases(path) {
  // Written, not ended: a half-closed socket may be closed by Node before a slower answer is sent.
  const send = (options) => (socket) => socket.write(request(path, options));
  return [
    { name: 'malformed JSON', write: send({ headers: json, body: '{"order": {"id": 1,, }' }) },
    { name: 'truncated JSON', write: send({ headers: json, body: '{"order": {"id": 1, "lines": [' }) },
    {
      name: 'body shorter than its Content-Length',
      write: (socket) => {
        socket.write(request(path, { headers: { ...json, 'Content-Length': '100' } }));
        socket.end('{"a":1}');
      },
    },
    {
      name: 'JSON sent as application/xml',
      write: send({ headers: { 'Content-Type': 'application/xml' }, body: '{"a": 1}' }),
    },
    { name: 'binary body, no Content-Type', write: send({ body: Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9f]) }) },
    {
      name: 'invalid UTF-8 in JSON',
      write: send({ headers: json, body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }),
    },
    {
      name: `JSON nested ${DEPTH} levels`,
      write: send({ headers: json, body: `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}` }),
    },
    {
      name: `XML nested ${DEPTH} levels`,
      write: send({
        headers: { 'Content-Type': 'application/xml' },
        body: `${'<a>'.repeat(DEPTH)}${'</a>'.repeat(DEPTH)}`,
      }),
    },
    {
      name: 'XML entity expansion (billion laughs)',
      write: send({
        headers: { 'Content-Type': 'text/xml' },
        body: '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>',
      }),
    },
    {
      name: '50 MB body',
      write: (socket, answered) => {
        socket.write(request(path, { headers: { ...json, 'Content-Length': String(FIFTY_MB) } }));
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < FIFTY_MB && !answered() && !socket.destroyed) {
            sent += chunk.length;
            if (!socket.write(chunk)) return socket.once('drain', pump);
          }
          return undefined;
        };
        pump();
      },
    },
    {
      name: '1,000 headers',
      write: send({
        headers: Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`X-H${index}`, 'v'])),
        body: '{}',
      }),
    },
    { name: '__proto__ key in body', write: send({ headers: json, body: '{"__proto__": {"polluted": "yes"}}' }) },
    {
      name: 'constructor.prototype in body',
      write: send({ headers: json, body: '{"constructor": {"prototype": {"polluted": "yes"}}}' }),
    },
    {
      name: '__proto__ key in query',
      write: (socket) => socket.write(request(`${path}?__proto__[polluted]=yes`, { headers: json, body: '{}' })),
    },
    {
      name: '__proto__ key in form body',
      write: send({
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=1&__proto__[polluted]=yes',
      }),
    },
    {
      name: 'invalid percent-encoding in query',
      write: (socket) =>
        socket.write(request(`${path}?a=%ZZ&__proto__%5Bpolluted%5D=yes`, { headers: json, body: '{}' })),
    },
    {
      name: 'invalid percent-encoding in form body',
      write: send({
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=%ZZ&__proto__%5Bpolluted%5D=yes',
      }),
    },
    {
      name: '100 KB URL',
      write: (socket) => socket.write(request(`${path}?q=${'x'.repeat(100 * 1024)}`, { headers: json, body: '{}' })),
    },
    {
      name: 'body sent one byte a second',
      write: (socket, answered) => {
        socket.write(request(path, { headers: { ...json, 'Content-Length': String(SLOW_BODY_BYTES * 10) } }));
        const tick = setInterval(() => {
          if (answered() || socket.destroyed) return clearInterval(tick);
          socket.write(' ');
          return undefined;
        }, 1000);
      },
    },
    // The control: after all of the above, an ordinary delivery is still taken.
    { name: 'well-formed delivery afterwards', write: send({ headers: json, body: '{"after": "the storm"}' }) },
  ];
}

/** Sends every case one after the other; returns the table rows. */
async function runHostileCases(baseUrl, path) {
  const rows = [];
  for (const { name, write } of hostileCases(path)) {
    rows.push({ name, ...(await exchange(baseUrl, write)) });
  }
  return rows;
}

function renderTable(rows) {
  const lines = ['| case | answer | message | ms |', '| --- | --- | --- | --- |'];
  for (const row of rows) {
    lines.push(
      `| ${row.name} | ${row.status ?? '—'} | ${String(row.message).replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 90)} | ${row.ms} |`,
    );
  }
  return lines.join('\n');
}

module.exports = { runHostileCases, renderTable, exchange, request };
