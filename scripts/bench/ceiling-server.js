/**
 * The ceiling: a bare Koa server on the same Node version, answering a POST with a fixed JSON
 * body. Nothing a real app does (logging, body parsing, routing, database) happens here, so it
 * shows what the HTTP stack and the load generator can do on this machine. The body is read to
 * the end, as the app must, so both pay for the same bytes on the wire.
 * Run as its own process by ceiling.js: prints "listening <port>" once ready.
 */
const Koa = require('koa');

const ANSWER = JSON.stringify({ ok: true });
const app = new Koa();

app.use(async (ctx) => {
  for await (const chunk of ctx.req) void chunk;
  ctx.type = 'application/json';
  ctx.body = ANSWER;
});

const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
process.on('SIGINT', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
