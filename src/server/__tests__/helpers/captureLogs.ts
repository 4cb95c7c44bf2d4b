import { Writable } from 'stream';
import { inspect } from 'util';
import type { Application } from '@nocobase/server';

/** What a winston logger accepts as a transport: an object-mode stream with a two-argument `log`. */
class CapturingTransport extends Writable {
  readonly lines: string[] = [];

  constructor() {
    super({ objectMode: true });
  }

  log(info: object, next: () => void) {
    this.lines.push(serialize(info));
    next();
  }

  _write(info: object, _encoding: BufferEncoding, next: () => void) {
    this.log(info, next);
  }
}

/** An entry as text, errors (whose message and stack are not enumerable) and nested causes included. */
function serialize(info: object): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(info, (_key, value: unknown) => {
    if (value instanceof Error) {
      return { ...value, name: value.name, message: value.message, stack: value.stack, cause: value.cause };
    }
    if (value && typeof value === 'object') {
      if (seen.has(value)) {
        return '[circular]';
      }
      seen.add(value);
    }
    return value;
  });
}

interface WinstonLike {
  add(transport: Writable): unknown;
  remove(transport: Writable): unknown;
}

/**
 * Every entry written to the app's system logger (which the error handler and every `ctx.log` write
 * through) and to its request logger, at every level: the transport sits on the loggers themselves,
 * before the level the test setup gives the files. What reaches the console is kept too (a failed
 * save is also printed there); it is still printed.
 */
export function captureLogs(app: Application) {
  const transport = new CapturingTransport();
  const loggers = [app.logger, app.requestLogger] as unknown as WinstonLike[];
  loggers.forEach((logger) => logger.add(transport));
  const consoleSpies = (['log', 'info', 'warn', 'error'] as const).map((method) => jest.spyOn(console, method));
  const printed = () =>
    consoleSpies.flatMap((spy) =>
      spy.mock.calls.map((args) => args.map((arg) => inspect(arg, { depth: 8 })).join(' ')),
    );
  return {
    text: () => [...transport.lines, ...printed()].join('\n'),
    stop: () => {
      loggers.forEach((logger) => logger.remove(transport));
      consoleSpies.forEach((spy) => spy.mockRestore());
    },
  };
}
