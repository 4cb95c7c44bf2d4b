import { absoluteUrl, callbackSummary, formatWait, waitingCallbackUrl } from '../callbackJob';

describe('waitingCallbackUrl', () => {
  const url = '/api/webhook:callback/t0ken';

  it('reads the URL of the latest job while it is pending', () => {
    expect(waitingCallbackUrl([{ id: 5, status: 0, result: { callbackUrl: url } }])).toBe(url);
    expect(
      waitingCallbackUrl([
        { id: 9, status: 0, result: { callbackUrl: `${url}-2` } },
        { id: 4, status: 1, result: { callbackUrl: url } },
      ]),
    ).toBe(`${url}-2`);
  });

  it("reads it from the run's context when the jobs come without their results", () => {
    expect(waitingCallbackUrl([{ id: 5, status: 0 }], { callbackUrls: { pay7x: url } }, 'pay7x')).toBe(url);
    expect(waitingCallbackUrl([{ id: 5, status: 0 }], { callbackUrls: { other: url } }, 'pay7x')).toBeNull();
  });

  it('is null once the wait has ended, or before the node ran', () => {
    expect(waitingCallbackUrl([{ id: 5, status: 1, result: { callbackUrl: url, request: {} } }])).toBeNull();
    expect(waitingCallbackUrl([{ id: 5, status: -1, result: { callbackUrl: url, timedOut: true } }])).toBeNull();
    expect(waitingCallbackUrl([{ id: 5, status: 0, result: null }])).toBeNull();
    expect(waitingCallbackUrl([{ id: 5, status: 1 }], { callbackUrls: { pay7x: url } }, 'pay7x')).toBeNull();
    expect(waitingCallbackUrl([])).toBeNull();
    expect(waitingCallbackUrl(undefined)).toBeNull();
  });
});

describe('absoluteUrl', () => {
  it('puts a path after the page origin and keeps a full URL as it is', () => {
    expect(absoluteUrl('http://127.0.0.1:13000', '/api/webhook:callback/abc')).toBe(
      'http://127.0.0.1:13000/api/webhook:callback/abc',
    );
    expect(absoluteUrl('http://localhost/', '/api/x')).toBe('http://localhost/api/x');
    expect(absoluteUrl('http://localhost', 'https://crm.example.com/api/webhook:callback/abc')).toBe(
      'https://crm.example.com/api/webhook:callback/abc',
    );
  });
});

describe('callbackSummary', () => {
  it("fills in the server's defaults: POST, no timeout, fail after a timeout", () => {
    expect(callbackSummary(undefined)).toEqual({ methods: ['POST'], timeout: null, onTimeout: 'fail' });
    expect(callbackSummary({ methods: [], timeout: null })).toEqual({
      methods: ['POST'],
      timeout: null,
      onTimeout: 'fail',
    });
  });

  it('reports what is set', () => {
    expect(callbackSummary({ methods: ['POST', 'PUT'], timeout: 3600, onTimeout: 'continue' })).toEqual({
      methods: ['POST', 'PUT'],
      timeout: 3600,
      onTimeout: 'continue',
    });
  });
});

describe('formatWait', () => {
  it('names a wait by its two largest units, leaving zeros out', () => {
    expect(formatWait(3600)).toBe('1 h');
    expect(formatWait(86_400)).toBe('1 d');
    expect(formatWait(129_600)).toBe('1 d 12 h');
    expect(formatWait(86_400 + 300)).toBe('1 d');
    expect(formatWait(90)).toBe('1 m 30 s');
    expect(formatWait(45)).toBe('45 s');
    expect(formatWait(0)).toBe('0 s');
  });
});
