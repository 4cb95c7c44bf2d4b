import { createHash, timingSafeEqual } from 'crypto';
import type { AuthConfig } from '../../common/types';
import { Guard, Resolved, WebhookRejection } from './Delivery';

const REALM = 'NocoBase webhook';

// Hashing both sides first gives equal-length buffers, so the comparison takes the same time
// whatever the length or content of the guess.
function sameSecret(given: string, expected: string) {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function parseBasicAuthorization(header: string | undefined): { username: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=._~-]+)\s*$/i.exec(header ?? '');
  if (!match) {
    return null;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) {
    return null;
  }
  return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

function checkBasic(auth: AuthConfig, authorization: string | undefined) {
  const credentials = parseBasicAuthorization(authorization);
  // Both comparisons always run so that a wrong username takes as long as a wrong password.
  const userOk = sameSecret(credentials?.username ?? '', auth.username ?? '');
  const passOk = sameSecret(credentials?.password ?? '', auth.password ?? '');
  if (!credentials || !userOk || !passOk) {
    throw new WebhookRejection(401, credentials ? 'Invalid credentials' : 'Authentication required', {
      'WWW-Authenticate': `Basic realm="${REALM}", charset="UTF-8"`,
    });
  }
}

export const authenticate: Guard<Resolved> = (delivery) => {
  const auth = delivery.config.auth;
  if (!auth || !auth.type || auth.type === 'none') {
    return;
  }
  if (auth.type === 'basic') {
    checkBasic(auth, delivery.ctx.get('authorization') || undefined);
    return;
  }
  // An authentication type this version does not know must not silently let requests through.
  delivery.logger.error(`[webhook] workflow ${delivery.workflow.id}: unknown authentication type "${String(auth.type)}"`);
  throw new WebhookRejection(401, 'Authentication required');
};
