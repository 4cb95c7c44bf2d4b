import type { ServerResponse } from 'http';

/**
 * Whether the answer reached the sender's connection: true once Node has handed the whole answer
 * to the operating system, false when the sender hung up first (a sync sender that gave up
 * waiting). Koa writes the body after the middleware returns, so this is only known later.
 */
export function answerDelivered(res: ServerResponse): Promise<boolean> {
  if (res.writableFinished) {
    return Promise.resolve(true);
  }
  if (res.destroyed || res.socket?.destroyed) {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const settle = () => {
      res.off('finish', settle);
      res.off('close', settle);
      resolve(res.writableFinished);
    };
    res.once('finish', settle);
    res.once('close', settle);
  });
}
