import { mediaTypeOf, parseBodyBytes } from '../bodyParsers';
import { WebhookRejection } from '../../Delivery';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('parseBodyBytes', () => {
  it('parses JSON and every +json media type, ignoring a byte-order mark', () => {
    expect(parseBodyBytes(bytes('{"a":{"b":[1,2]}}'), 'application/json; charset=utf-8')).toEqual({ a: { b: [1, 2] } });
    expect(parseBodyBytes(bytes('\uFEFF{"x":1}'), 'application/vnd.github+json')).toEqual({ x: 1 });
    expect(parseBodyBytes(bytes('"just a string"'), 'application/json')).toBe('just a string');
  });

  it('rejects malformed JSON with a 400 that names where, without quoting the body', () => {
    expect.assertions(3);
    try {
      parseBodyBytes(bytes('{"token": "tok_live_123" x}'), 'application/json');
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookRejection);
      expect((error as WebhookRejection).status).toBe(400);
      expect((error as WebhookRejection).message).toBe('Malformed JSON body (at position 25)');
    }
  });

  it('parses form bodies with nested keys and keeps text as text', () => {
    expect(parseBodyBytes(bytes('a=1&b[c]=x%20y&list[]=1&list[]=2'), 'application/x-www-form-urlencoded')).toEqual({
      a: '1',
      b: { c: 'x y' },
      list: ['1', '2'],
    });
    expect(parseBodyBytes(bytes('<b>bold</b>'), 'text/html')).toBe('<b>bold</b>');
  });

  it('parses XML into an object, attributes included, and refuses entity declarations and deep nesting', () => {
    const notification =
      '<?xml version="1.0"?><notify type="payment"><order id="A-1"><total currency="EUR">9.50</total></order></notify>';
    expect(parseBodyBytes(bytes(notification), 'application/xml')).toEqual({
      '?xml': { '@version': '1.0' },
      notify: { '@type': 'payment', order: { '@id': 'A-1', total: { '#text': '9.50', '@currency': 'EUR' } } },
    });
    const bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>';
    expect(() => parseBodyBytes(bytes(bomb), 'text/xml')).toThrow('XML body declares entities, which are refused');
    // Where, not what: the validator's own message quotes the tag names.
    expect(() => parseBodyBytes(bytes('<a><secret-tag></a>'), 'text/xml')).toThrow(
      /^Malformed XML body \(at line 1, column \d+\)$/,
    );
    const deep = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`;
    expect(() => parseBodyBytes(bytes(deep), 'application/xml')).toThrow('XML body is nested deeper than 64 levels');
  });

  it('refuses bodies of a parsed type that are not UTF-8, and binary bodies unless the raw body is kept', () => {
    const latin1 = Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]);
    expect(() => parseBodyBytes(latin1, 'application/json')).toThrow('Request body is not valid UTF-8');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff]);
    expect(() => parseBodyBytes(png, 'image/png')).toThrow(/^Binary bodies of this Content-Type are kept only when/);
    expect(parseBodyBytes(png, 'image/png', true)).toBeNull();
    expect(parseBodyBytes(bytes('plain words'), 'application/octet-stream')).toBe('plain words');
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
