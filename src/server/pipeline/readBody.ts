import getRawBody from 'raw-body';
import { Read, Resolved, Stage, WebhookRejection } from './Delivery';

export const DEFAULT_BODY_LIMIT = '10mb';

interface RawBodyError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Keeps the exact bytes the sender delivered: parsing, signature checks and storage all start from
 * them. The stream is normally still unread (the stage runs before NocoBase's body parser); when
 * it was already consumed, the text that parser kept is the best that is left.
 */
export function readBody(limit: string = process.env.WEBHOOK_BODY_LIMIT || DEFAULT_BODY_LIMIT): Stage<Resolved, Read> {
  const read = (delivery: Resolved, rawBody: Buffer): Read => {
    delivery.trace.bodySize = rawBody.length;
    return { ...delivery, rawBody };
  };
  return async (delivery) => {
    const { ctx } = delivery;
    if (!ctx.req.readable || ctx.req.readableEnded) {
      const kept = (ctx.request as { rawBody?: string }).rawBody;
      return read(delivery, Buffer.from(typeof kept === 'string' ? kept : '', 'utf8'));
    }
    try {
      return read(delivery, await getRawBody(ctx.req, { limit, length: ctx.get('content-length') || undefined }));
    } catch (caught) {
      const error = caught as RawBodyError;
      if (error.type === 'entity.too.large') {
        throw new WebhookRejection(413, `Request body is larger than the limit of ${limit}`);
      }
      if (error.type === 'request.size.invalid') {
        throw new WebhookRejection(400, 'Request body length does not match Content-Length');
      }
      throw new WebhookRejection(400, `Request body could not be read: ${error.message}`);
    }
  };
}
