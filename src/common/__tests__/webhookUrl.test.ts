import { isResponseNodeAvailable, isTriggerConfigValid } from '../availability';
import { buildWebhookUrl } from '../webhookUrl';

describe('buildWebhookUrl', () => {
  it('joins the page origin, a relative API base and the workflow key', () => {
    expect(buildWebhookUrl('http://localhost:13000', '/api/', 'k3y')).toBe(
      'http://localhost:13000/api/webhook:trigger/k3y',
    );
    expect(buildWebhookUrl('https://nb.example.com/', '/sub/api', 'abc')).toBe(
      'https://nb.example.com/sub/api/webhook:trigger/abc',
    );
  });

  it('uses an absolute API base as it is, and /api/ when there is none', () => {
    expect(buildWebhookUrl('http://localhost:3000', 'https://api.example.com/api/', 'x')).toBe(
      'https://api.example.com/api/webhook:trigger/x',
    );
    expect(buildWebhookUrl('http://127.0.0.1:5000', undefined, 'x')).toBe(
      'http://127.0.0.1:5000/api/webhook:trigger/x',
    );
  });

  it('encodes the key', () => {
    expect(buildWebhookUrl('http://h', '/api/', 'a b/c')).toBe('http://h/api/webhook:trigger/a%20b%2Fc');
  });
});

describe('isResponseNodeAvailable', () => {
  it('allows the node in synchronous webhook workflows only', () => {
    expect(isResponseNodeAvailable({ type: 'webhook' }, true)).toBe(true);
    expect(isResponseNodeAvailable({ type: 'webhook' }, false)).toBe(false);
    expect(isResponseNodeAvailable({ type: 'collection' }, true)).toBe(false);
    expect(isResponseNodeAvailable(undefined, true)).toBe(false);
  });
});

describe('isTriggerConfigValid', () => {
  it('requires both credentials for basic authentication only', () => {
    expect(isTriggerConfigValid({})).toBe(true);
    expect(isTriggerConfigValid({ auth: { type: 'none' } })).toBe(true);
    expect(isTriggerConfigValid({ auth: { type: 'basic', username: 'u', password: 'p' } })).toBe(true);
    expect(isTriggerConfigValid({ auth: { type: 'basic', username: 'u' } })).toBe(false);
    expect(isTriggerConfigValid({ auth: { type: 'basic', username: ' ', password: 'p' } })).toBe(false);
  });

  it('requires the header and its value, or the bearer token', () => {
    expect(isTriggerConfigValid({ auth: { type: 'header', name: 'X-Api-Key', value: 'k' } })).toBe(true);
    expect(isTriggerConfigValid({ auth: { type: 'header', name: ' ', value: 'k' } })).toBe(false);
    expect(isTriggerConfigValid({ auth: { type: 'header', name: 'X-Api-Key' } })).toBe(false);
    expect(isTriggerConfigValid({ auth: { type: 'bearer', token: '{{$env.TOKEN}}' } })).toBe(true);
    expect(isTriggerConfigValid({ auth: { type: 'bearer' } })).toBe(false);
  });

  it('requires a signing secret for a signature preset and a verify token for the Meta handshake', () => {
    expect(isTriggerConfigValid({ signature: { preset: 'none' }, handshake: { type: 'slack' } })).toBe(true);
    expect(isTriggerConfigValid({ signature: { preset: 'github', secret: 's' } })).toBe(true);
    expect(isTriggerConfigValid({ signature: { preset: 'stripe' } })).toBe(false);
    expect(isTriggerConfigValid({ handshake: { type: 'meta', verifyToken: 'v' } })).toBe(true);
    expect(isTriggerConfigValid({ handshake: { type: 'meta' } })).toBe(false);
  });
});
