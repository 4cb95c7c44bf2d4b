import { Answered, Resolved, Stage, WebhookRejection } from '../Delivery';
import { allowedMethods } from './guardMethod';

/** How long a browser may keep a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = '600';

function allowedOrigin(origins: string[] | undefined, origin: string): boolean {
  return (
    Boolean(origin) &&
    Array.isArray(origins) &&
    origins.some((listed) => listed === '*' || listed.replace(/\/$/, '') === origin)
  );
}

/**
 * Browser callers: a preflight `OPTIONS` is answered for the workflow's `cors.origins` and methods
 * only (others get 403, and an `OPTIONS` to a workflow without CORS falls through to 405); every
 * answer to a listed origin carries `Access-Control-Allow-Origin`, errors included, so that the
 * page can read why it was refused.
 */
export const answerCors: Stage<Resolved, Resolved> = (delivery) => {
  const { ctx, config } = delivery;
  const origins = config.cors?.origins;
  if (!Array.isArray(origins) || origins.length === 0) {
    return delivery;
  }
  const origin = ctx.get('origin');
  const allowed = allowedOrigin(origins, origin);
  if (allowed) {
    delivery.answerHeaders['Access-Control-Allow-Origin'] = origin;
    delivery.answerHeaders.Vary = 'Origin';
  }
  if (ctx.method !== 'OPTIONS') {
    return delivery;
  }
  const methods = allowedMethods(config);
  const requested = ctx.get('access-control-request-method').toUpperCase();
  // The refusals do not repeat the Origin or the requested method: both are the caller's text, and
  // refusals are written to the request log and the history.
  if (!allowed) {
    throw new WebhookRejection(403, 'CORS preflight refused: this origin is not allowed');
  }
  if (!(methods as string[]).includes(requested)) {
    throw new WebhookRejection(
      403,
      `CORS preflight refused: the requested method is not allowed, use ${methods.join(', ')}`,
    );
  }
  const requestedHeaders = ctx.get('access-control-request-headers');
  return new Answered({
    status: 204,
    headers: {
      'Access-Control-Allow-Methods': methods.join(', '),
      ...(requestedHeaders ? { 'Access-Control-Allow-Headers': requestedHeaders } : {}),
      'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
    },
    body: null,
  });
};
