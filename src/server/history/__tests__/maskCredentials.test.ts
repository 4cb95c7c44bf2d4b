import { MASKED_VALUE } from '../../../common/requestKeys';
import { isCredentialName, maskHeaders, maskQuery } from '../maskCredentials';

describe('isCredentialName', () => {
  it('takes names that carry credentials, headers and query parameters alike', () => {
    const credentials = [
      'authorization',
      'proxy-authorization',
      'x-auth',
      'x-webhook-key',
      'x-access-key',
      'private-key',
      'x-api-key',
      'apikey',
      'api_key',
      'access_token',
      'x-csrf-token',
      'cookie',
      'set-cookie',
      'x-hub-signature-256',
      'stripe-signature',
      'x-shopify-hmac-sha256',
      'x-client-secret',
      'password',
      'passwd',
      'db_pwd',
      'session_id',
      'x-amz-security-token',
      'jwt',
      'x-credentials',
      'sig',
      'code',
      'sessionId',
      'userPass',
      'pin',
    ];
    expect(credentials.filter((name) => !isCredentialName(name))).toEqual([]);
  });

  it('leaves ordinary names alone, also where a short credential word is only part of one', () => {
    const ordinary = [
      'content-type',
      'x-github-event',
      'x-request-id',
      'user-agent',
      'page',
      'filter',
      'challenge',
      'design',
      'zipcode',
      'passenger',
      'signal',
      'shipping',
    ];
    expect(ordinary.filter(isCredentialName)).toEqual([]);
  });
});

describe('maskHeaders', () => {
  it('masks credential-like headers and joins repeated ones', () => {
    expect(
      maskHeaders({
        'x-auth': 'a1',
        'x-webhook-key': 'k1',
        'private-key': 'p1',
        'x-shop': 'acme',
        accept: ['a', 'b'],
        gone: undefined,
      }),
    ).toEqual({
      'x-auth': MASKED_VALUE,
      'x-webhook-key': MASKED_VALUE,
      'private-key': MASKED_VALUE,
      'x-shop': 'acme',
      accept: 'a, b',
    });
  });
});

describe('maskQuery', () => {
  it('masks credential-like parameters at any depth and hides all below a masked name', () => {
    expect(
      maskQuery({
        access_token: 't1',
        api_key: 'k1',
        page: '2',
        hub: { mode: 'subscribe', verify_token: 'v1', challenge: 'c1' },
        auth: { user: 'u', pass: 'p' },
        list: [{ secret: 's1', id: '1' }],
      }),
    ).toEqual({
      access_token: MASKED_VALUE,
      api_key: MASKED_VALUE,
      page: '2',
      hub: { mode: 'subscribe', verify_token: MASKED_VALUE, challenge: 'c1' },
      auth: MASKED_VALUE,
      list: [{ secret: MASKED_VALUE, id: '1' }],
    });
  });
});
