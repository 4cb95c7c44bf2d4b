import { createHmac, timingSafeEqual } from 'crypto';

/** The part of a callback URL after `/api/webhook:callback/`. */
const TOKEN = /^([0-9]+)\.([0-9]+)\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, executionId: string, nodeId: string): string {
  return createHmac('sha256', secret).update(`webhook-callback:${executionId}:${nodeId}`).digest('base64url');
}

/**
 * The token of one run's callback node: the execution and node ids, signed with the app's key, so
 * that it is unguessable, known before the node runs (earlier nodes can send it), and checked
 * without a lookup on any app instance.
 */
export function callbackToken(secret: string, executionId: number | string, nodeId: number | string): string {
  return `${executionId}.${nodeId}.${mac(secret, String(executionId), String(nodeId))}`;
}

/** The execution and node a token names, or `null` when it is malformed or not signed with this key. */
export function readCallbackToken(secret: string, token: string): { executionId: string; nodeId: string } | null {
  const match = TOKEN.exec(token);
  if (!match) {
    return null;
  }
  const [, executionId, nodeId, given] = match;
  const expected = Buffer.from(mac(secret, executionId, nodeId));
  const offered = Buffer.from(given);
  return offered.length === expected.length && timingSafeEqual(offered, expected) ? { executionId, nodeId } : null;
}
