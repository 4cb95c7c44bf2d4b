import { createHash, timingSafeEqual } from 'crypto';
import type { AuthConfig } from '../../../common/types';
import type { SecretReader } from '../../support/secrets';
import { Guard, Resolved, WebhookRejection } from '../Delivery';

const REALM = 'NocoBase webhook';

// Hashing both sides first gives equal-length buffers, so the comparison takes the same time
// whatever the length or content of the guess.
export function sameSecret(given: string, expected: string) {
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

/** What one authentication type checks: the credential presented, and the challenge for a refusal. */
interface Credentials {
  presented: string | null;
  expected: string;
  challenge?: Record<string, string>;
}

type CredentialReader = (auth: AuthConfig, header: (name: string) => string, secret: string) => Credentials;

// Basic compares "username:password" as one value, so a wrong username takes as long as a wrong password.
const CREDENTIALS: Record<string, { secretOf: (auth: AuthConfig) => string | undefined; read: CredentialReader }> = {
  basic: {
    secretOf: (auth) => auth.password,
    read: (auth, header, password) => {
      const given = parseBasicAuthorization(header('authorization') || undefined);
      return {
        presented: given ? `${given.username}:${given.password}` : null,
        expected: `${auth.username ?? ''}:${password}`,
        challenge: { 'WWW-Authenticate': `Basic realm="${REALM}", charset="UTF-8"` },
      };
    },
  },
  header: {
    secretOf: (auth) => auth.value,
    read: (auth, header, value) => ({ presented: header((auth.name ?? '').trim()) || null, expected: value }),
  },
  bearer: {
    secretOf: (auth) => auth.token,
    read: (_auth, header, token) => {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header('authorization'));
      return {
        presented: match ? match[1] : null,
        expected: token,
        challenge: { 'WWW-Authenticate': `Bearer realm="${REALM}"` },
      };
    },
  },
};

/**
 * Checks the caller's credentials: HTTP Basic, a named header with a fixed value (`X-Api-Key`), or
 * a bearer token, each compared in constant time. Secrets may come from `{{$env.NAME}}`; one that
 * is not set refuses every request rather than accept an empty credential.
 */
export function authenticate(secrets: SecretReader): Guard<Resolved> {
  return (delivery) => {
    const auth = delivery.config.auth;
    if (!auth || !auth.type || auth.type === 'none') {
      return;
    }
    const kind = CREDENTIALS[auth.type];
    if (!kind) {
      // An authentication type this version does not know must not silently let requests through.
      delivery.logger.error(
        `[webhook] workflow ${delivery.workflow.id}: unknown authentication type "${String(auth.type)}"`,
      );
      throw new WebhookRejection(401, 'Authentication required');
    }
    const secret = secrets(kind.secretOf(auth));
    if (!secret) {
      delivery.logger.error(
        `[webhook] workflow ${delivery.workflow.id}: the ${auth.type} credential is empty or names an unset variable`,
      );
      throw new WebhookRejection(401, 'Authentication required');
    }
    const { presented, expected, challenge } = kind.read(auth, (name) => delivery.ctx.get(name), secret);
    const matches = sameSecret(presented ?? '', expected);
    if (presented == null || !matches) {
      throw new WebhookRejection(401, presented == null ? 'Authentication required' : 'Invalid credentials', challenge);
    }
  };
}
