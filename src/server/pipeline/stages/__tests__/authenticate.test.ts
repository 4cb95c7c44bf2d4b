import { secretReader } from '../../../support/secrets';
import { authenticate } from '../authenticate';
import type { Resolved } from '../../Delivery';
import { WebhookRejection } from '../../Delivery';

const logged: string[] = [];
const check = authenticate(secretReader({ getVariables: () => ({ HOOK_TOKEN: 't0ken', EMPTY: '' }) }));

function deliveryWith(auth: unknown, headers: Record<string, string> = {}): Resolved {
  return {
    key: 'k',
    receivedAt: 0,
    trace: {},
    answerHeaders: {},
    afterDelivery: [],
    workflow: { id: 1 },
    config: { auth } as Resolved['config'],
    logger: { debug: () => 0, info: () => 0, warn: () => 0, error: (message: string) => logged.push(message) },
    ctx: { get: (name: string) => headers[name.toLowerCase()] ?? '' },
  } as unknown as Resolved;
}

function refusal(auth: unknown, headers: Record<string, string> = {}): WebhookRejection {
  try {
    check(deliveryWith(auth, headers));
  } catch (error) {
    if (error instanceof WebhookRejection) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const basicAuth = { type: 'basic', username: 'u', password: 'p:w' };

describe('authenticate', () => {
  it('lets everything through when authentication is off', () => {
    expect(() => check(deliveryWith(undefined))).not.toThrow();
    expect(() => check(deliveryWith({ type: 'none' }))).not.toThrow();
  });

  it('accepts the right Basic credentials, passwords with colons included', () => {
    expect(() => check(deliveryWith(basicAuth, { authorization: basic('u', 'p:w') }))).not.toThrow();
    expect(() =>
      check(deliveryWith(basicAuth, { authorization: `basic   ${Buffer.from('u:p:w').toString('base64')}` })),
    ).not.toThrow();
  });

  it.each([
    ['missing', undefined],
    ['wrong password', basic('u', 'p')],
    ['wrong user', basic('x', 'p:w')],
    ['another scheme', 'Bearer abc'],
    ['no separator', `Basic ${Buffer.from('up:w').toString('base64').replace(/=/g, '')}x`],
  ])('rejects Basic %s with 401 and a Basic challenge', (_label, header) => {
    const error = refusal(basicAuth, header ? { authorization: header } : {});
    expect(error.status).toBe(401);
    expect(error.headers['WWW-Authenticate']).toMatch(/^Basic realm=/);
  });

  it('checks a named header against its value', () => {
    const auth = { type: 'header', name: 'X-Api-Key', value: 'k-123' };
    expect(() => check(deliveryWith(auth, { 'x-api-key': 'k-123' }))).not.toThrow();
    expect(refusal(auth, { 'x-api-key': 'k-124' }).message).toBe('Invalid credentials');
    expect(refusal(auth).message).toBe('Authentication required');
  });

  it('checks a bearer token and answers with a Bearer challenge', () => {
    const auth = { type: 'bearer', token: 'abc.def' };
    expect(() => check(deliveryWith(auth, { authorization: 'Bearer abc.def' }))).not.toThrow();
    const wrong = refusal(auth, { authorization: 'Bearer abc.deg' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['WWW-Authenticate']).toMatch(/^Bearer realm=/);
    expect(refusal(auth, { authorization: basic('abc', 'def') }).message).toBe('Authentication required');
  });

  it('reads secrets from {{$env.NAME}} and refuses everyone when the variable is unset', () => {
    const fromEnv = { type: 'bearer', token: '{{$env.HOOK_TOKEN}}' };
    expect(() => check(deliveryWith(fromEnv, { authorization: 'Bearer t0ken' }))).not.toThrow();
    expect(refusal(fromEnv, { authorization: 'Bearer {{$env.HOOK_TOKEN}}' }).status).toBe(401);
    for (const name of ['EMPTY', 'MISSING']) {
      expect(refusal({ type: 'bearer', token: `{{$env.${name}}}` }, { authorization: 'Bearer ' }).status).toBe(401);
    }
    expect(logged.some((line) => line.includes('unset variable'))).toBe(true);
    expect(logged.join('\n')).not.toContain('t0ken');
  });

  it('refuses an unknown authentication type instead of letting requests through', () => {
    expect(refusal({ type: 'jwt' }).status).toBe(401);
  });
});
