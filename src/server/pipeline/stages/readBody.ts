import bytes from 'bytes';
import type { Context } from '@nocobase/actions';
import getRawBody from 'raw-body';
import { Read, Resolved, Stage, WebhookRejection } from '../Delivery';

/** What a workflow accepts unless its `limits.maxBodySize` says otherwise. */
export const DEFAULT_WORKFLOW_BODY_LIMIT = 1024 * 1024;
/** The ceiling no workflow can raise its limit above (`WEBHOOK_BODY_LIMIT`). */
export const DEFAULT_BODY_CEILING = '16mb';
/** How long a sender may take to deliver its body (`WEBHOOK_BODY_TIMEOUT_MS`). */
const DEFAULT_BODY_TIMEOUT_MS = 30_000;

interface RawBodyError extends Error {
  type?: string;
}

/** Bytes from a number or a size such as `"2mb"`; null when it names none. */
export function byteCount(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value > 0 ? Math.floor(value) : null;
  }
  if (typeof value === 'string' && value.trim()) {
    const parsed = bytes.parse(value.trim());
    return parsed != null && Number.isFinite(parsed) && parsed > 0 ? parsed : null;
  }
  return null;
}

/** The workflow's own limit, never above the instance's ceiling. */
export function bodyLimitOf(configured: unknown, ceiling: number): number {
  return Math.min(byteCount(configured) ?? DEFAULT_WORKFLOW_BODY_LIMIT, ceiling);
}

/** How long a sender may take to deliver its body, in ms (`WEBHOOK_BODY_TIMEOUT_MS`, default 30 s). */
export function bodyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.WEBHOOK_BODY_TIMEOUT_MS) || DEFAULT_BODY_TIMEOUT_MS;
}

/** The request's bytes, up to `limit`; a body not complete within `timeoutMs` is refused with 408. */
export function readWithin(ctx: Context, limit: number, timeoutMs: number): Promise<Buffer> {
  let timer: NodeJS.Timeout | undefined;
  const reading = getRawBody(ctx.req, { limit, length: ctx.get('content-length') || undefined });
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      // A sender trickling its body must not hold the request (and its memory) open for good.
      reading.catch(() => undefined);
      ctx.req.unpipe();
      reject(
        new WebhookRejection(408, `Request body was not received within ${timeoutMs / 1000} s`, {
          Connection: 'close',
        }),
      );
    }, timeoutMs);
  });
  return Promise.race([reading, expired]).finally(() => clearTimeout(timer));
}

/**
 * Keeps the exact bytes the sender delivered: parsing, signature checks and storage all start from
 * them. The stream is normally still unread (the stage runs before NocoBase's body parser); when
 * it was already consumed, the text that parser kept is the best that is left.
 */
export function readBody<In extends Resolved = Resolved>(
  ceiling: string = process.env.WEBHOOK_BODY_LIMIT || DEFAULT_BODY_CEILING,
  timeoutMs: number = bodyTimeoutMs(),
): Stage<In, In & Read> {
  const ceilingBytes = byteCount(ceiling) ?? (bytes.parse(DEFAULT_BODY_CEILING) as number);
  const read = (delivery: In, rawBody: Buffer): In & Read => {
    delivery.trace.bodySize = rawBody.length;
    delivery.trace.rawBody = rawBody;
    return { ...delivery, rawBody };
  };
  return async (delivery) => {
    const { ctx } = delivery;
    if (!ctx.req.readable || ctx.req.readableEnded) {
      const kept = (ctx.request as { rawBody?: string }).rawBody;
      return read(delivery, Buffer.from(typeof kept === 'string' ? kept : '', 'utf8'));
    }
    const limit = bodyLimitOf(delivery.config.limits?.maxBodySize, ceilingBytes);
    try {
      return read(delivery, await readWithin(ctx, limit, timeoutMs));
    } catch (caught) {
      if (caught instanceof WebhookRejection) {
        throw caught;
      }
      const error = caught as RawBodyError;
      if (error.type === 'entity.too.large') {
        throw new WebhookRejection(
          413,
          `Request body is larger than the limit of ${bytes.format(limit)} (${limit} bytes)`,
          {
            Connection: 'close',
          },
        );
      }
      if (error.type === 'request.size.invalid') {
        throw new WebhookRejection(400, 'Request body length does not match Content-Length');
      }
      throw new WebhookRejection(400, `Request body could not be read: ${error.message}`);
    }
  };
}
