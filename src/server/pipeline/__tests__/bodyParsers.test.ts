import { mediaTypeOf, parseBodyBytes } from '../bodyParsers';
import { WebhookRejection } from '../Delivery';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('parseBodyBytes', () => {
  it('parses JSON and every +json media type, ignoring a byte-order mark', () => {
    expect(parseBodyBytes(bytes('{"a":{"b":[1,2]}}'), 'application/json; charset=utf-8')).toEqual({ a: { b: [1, 2] } });
    expect(parseBodyBytes(bytes('\uFEFF{"x":1}'), 'application/vnd.github+json')).toEqual({ x: 1 });
    expect(parseBodyBytes(bytes('"just a string"'), 'application/json')).toBe('just a string');
  });

  it('rejects malformed JSON with a 400 that names the problem', () => {
    expect.assertions(3);
    try {
      parseBodyBytes(bytes('{"a": '), 'application/json');
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookRejection);
      expect((error as WebhookRejection).status).toBe(400);
      expect((error as WebhookRejection).message).toMatch(/^Malformed JSON body: .+/);
    }
  });

  it('parses form bodies with nested keys and keeps text as text', () => {
    expect(parseBodyBytes(bytes('a=1&b[c]=x%20y&list[]=1&list[]=2'), 'application/x-www-form-urlencoded')).toEqual({
      a: '1',
      b: { c: 'x y' },
      list: ['1', '2'],
    });
    expect(parseBodyBytes(bytes('<xml/>'), 'text/xml')).toBe('<xml/>');
  });

  it('treats an untyped body as JSON when it is JSON, else as text', () => {
    expect(parseBodyBytes(bytes(' [1] '), undefined)).toEqual([1]);
    expect(parseBodyBytes(bytes('{not json'), undefined)).toBe('{not json');
    expect(parseBodyBytes(bytes('hello'), '')).toBe('hello');
  });

  it('gives null for an empty body whatever the type', () => {
    expect(parseBodyBytes(Buffer.alloc(0), 'application/json')).toBeNull();
  });

  it('reads the media type without parameters, case-insensitively', () => {
    expect(mediaTypeOf('Application/JSON ; charset=UTF-8')).toBe('application/json');
    expect(mediaTypeOf(undefined)).toBe('');
  });
});
