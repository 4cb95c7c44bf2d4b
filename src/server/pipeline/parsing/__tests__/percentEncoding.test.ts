import { parseUrlEncoded } from '../bodyParsers';
import { WebhookRejection } from '../../Delivery';
import { refusePollutingKeys } from '../hostileShapes';
import { decodeUrlEncoded } from '../percentEncoding';

function rejection(run: () => unknown): { status: number; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof WebhookRejection ? { status: error.status, message: error.message } : null;
  }
}

describe('decodeUrlEncoded', () => {
  it('decodes escapes and pluses', () => {
    expect(decodeUrlEncoded('a=x+y%20z&b=%E4%B8%AD', 'query')).toBe('a=x y z&b=中');
  });

  it('refuses an escape that is not valid percent-encoding, anywhere, saying which part', () => {
    for (const text of ['a=%ZZ', 'a=1&b=50%', 'a=%E4%B8', 'ok=1&a=%zz&b=2']) {
      expect(rejection(() => decodeUrlEncoded(text, 'query'))).toEqual({
        status: 400,
        message: 'Query string is not valid percent-encoding',
      });
      expect(rejection(() => decodeUrlEncoded(text, 'body'))).toEqual({
        status: 400,
        message: 'Form body is not valid percent-encoding',
      });
    }
  });
});

describe('refusePollutingKeys', () => {
  const polluting = 'Request query contains a __proto__ or constructor.prototype key, which is refused';

  it('still refuses __proto__ and constructor.prototype keys, encoded or not', () => {
    for (const text of [
      '__proto__[x]=1',
      '__proto__%5Bx%5D=1',
      'a=1&x%5B__proto__%5D=1',
      'constructor%5Bprototype%5D%5Bx%5D=1',
      'a.constructor.prototype.x=1',
    ]) {
      expect(rejection(() => refusePollutingKeys(text, 'query'))).toEqual({ status: 400, message: polluting });
    }
  });

  it('refuses an encoded __proto__ beside a bad escape as malformed, where it once went unseen', () => {
    expect(rejection(() => refusePollutingKeys('x%5B__proto__%5D=1&b=%ZZ', 'query'))).toEqual({
      status: 400,
      message: 'Query string is not valid percent-encoding',
    });
  });

  it('lets an ordinary query through to the parser', () => {
    expect(parseUrlEncoded('a[b]=1&hub.challenge=c&note=50%25')).toEqual({
      a: { b: '1' },
      hub: { challenge: 'c' },
      note: '50%',
    });
  });
});
