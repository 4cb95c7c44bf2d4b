import { authenticate } from '../authenticate';
import type { Resolved } from '../Delivery';
import { WebhookRejection } from '../Delivery';

function deliveryWith(auth: unknown, authorization?: string): Resolved {
  const logged: string[] = [];
  return {
    key: 'k',
    receivedAt: 0,
    trace: {},
    workflow: { id: 1 },
    config: { auth } as Resolved['config'],
    logger: { debug: () => 0, info: () => 0, warn: () => 0, error: (message: string) => logged.push(message) },
    ctx: { get: (name: string) => (name.toLowerCase() === 'authorization' ? (authorization ?? '') : '') },
  } as unknown as Resolved;
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const auth = { type: 'basic', username: 'u', password: 'p:w' };

describe('authenticate', () => {
  it('lets everything through when authentication is off', () => {
    expect(() => authenticate(deliveryWith(undefined))).not.toThrow();
    expect(() => authenticate(deliveryWith({ type: 'none' }))).not.toThrow();
  });

  it('accepts the right Basic credentials, passwords with colons included', () => {
    expect(() => authenticate(deliveryWith(auth, basic('u', 'p:w')))).not.toThrow();
    expect(() => authenticate(deliveryWith(auth, `basic   ${Buffer.from('u:p:w').toString('base64')}`))).not.toThrow();
  });

  it.each([
    ['missing', undefined],
    ['wrong password', basic('u', 'p')],
    ['wrong user', basic('x', 'p:w')],
    ['another scheme', 'Bearer abc'],
    ['no separator', `Basic ${Buffer.from('up:w').toString('base64').replace(/=/g, '')}x`],
  ])('rejects %s with 401 and a Basic challenge', (_label, header) => {
    expect.assertions(3);
    try {
      authenticate(deliveryWith(auth, header));
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookRejection);
      expect((error as WebhookRejection).status).toBe(401);
      expect((error as WebhookRejection).headers['WWW-Authenticate']).toMatch(/^Basic realm=/);
    }
  });

  it('refuses an unknown authentication type instead of letting requests through', () => {
    expect(() => authenticate(deliveryWith({ type: 'jwt' }))).toThrow(WebhookRejection);
  });
});
