import type { Listeners } from '../../history/Listeners';
import { maskHeaders, maskQuery } from '../../history/maskCredentials';
import { parseBodyBytes } from '../parsing/bodyParsers';
import { Answered, Parsed, Received, Stage, WebhookRejection } from '../Delivery';
import { bodyTimeoutMs, readWithin } from './readBody';
import { parseQuery } from './parseRequest';

/** A listened request to a disabled workflow is read up to this size. */
const LISTEN_BODY_LIMIT = 1024 * 1024;

function bodyOf(raw: Buffer, contentType: string): unknown {
  try {
    return parseBodyBytes(raw, contentType, true);
  } catch {
    return raw.toString('utf8');
  }
}

/**
 * A designer is listening for a test request to a workflow that is not enabled: the request is
 * handed to the designer and answered 200 with a note; nothing runs. (Without a listener, or once
 * another instance took the request, a disabled workflow answers 404 as always.)
 */
export function answerListened(
  listeners: Listeners,
  isEnabled: (key: string) => boolean,
  timeoutMs: number = bodyTimeoutMs(),
): Stage<Received, Received> {
  return async (delivery) => {
    const { ctx, key } = delivery;
    if (!listeners.isListening(key) || isEnabled(key)) {
      return delivery;
    }
    let raw = Buffer.alloc(0);
    try {
      raw = await readWithin(ctx, LISTEN_BODY_LIMIT, timeoutMs);
    } catch (error) {
      // A stalled body is cut off as on any workflow; too large or broken off, the designer still
      // sees the method, headers and query.
      if (error instanceof WebhookRejection) {
        throw error;
      }
    }
    const captured = await listeners.capture(key, {
      method: ctx.method,
      headers: maskHeaders(ctx.headers),
      query: maskQuery(parseQuery(ctx.querystring)),
      body: bodyOf(raw, ctx.get('content-type')),
      receivedAt: new Date(delivery.receivedAt).toISOString(),
    });
    if (!captured) {
      return delivery;
    }
    return new Answered({
      status: 200,
      headers: {},
      body: {
        listened: true,
        message: 'Received as a test request for the workflow designer; the workflow is not enabled, nothing ran',
      },
    });
  };
}

/**
 * A designer is listening while the workflow is enabled: the delivery runs as usual (a sender's
 * delivery is never taken away from it), and a copy goes to the designer.
 */
export function copyToListener(listeners: Listeners): Stage<Parsed, Parsed> {
  return (delivery) => {
    if (listeners.isListening(delivery.key)) {
      const { ctx, context } = delivery;
      listeners
        .capture(delivery.key, {
          method: context.method,
          headers: maskHeaders(ctx.headers),
          query: maskQuery(context.query),
          body: context.body,
          receivedAt: new Date(delivery.receivedAt).toISOString(),
        })
        .catch((error) =>
          delivery.logger.warn(`[webhook] workflow ${delivery.workflow.id}: a test request could not be handed over`, {
            error,
          }),
        );
    }
    return delivery;
  };
}
