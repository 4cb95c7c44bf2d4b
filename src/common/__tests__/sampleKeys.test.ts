import { keysFromJsonSample, keysFromQuerySample, keysOfJsonValue } from '../sampleKeys';

describe('keysFromJsonSample', () => {
  it('lists nested object keys as dotted paths', () => {
    expect(keysFromJsonSample('{"a":1,"b":{"c":2}}')).toEqual({ ok: true, keys: ['a', 'b', 'b.c'] });
  });

  it('lists the first array element with a bracketed index', () => {
    const sample = JSON.stringify({
      order: {
        id: 7,
        items: [
          { sku: 'A', qty: 1 },
          { sku: 'B', extra: true },
        ],
      },
    });
    expect(keysFromJsonSample(sample)).toEqual({
      ok: true,
      keys: ['order', 'order.id', 'order.items', 'order.items[0]', 'order.items[0].sku', 'order.items[0].qty'],
    });
  });

  it('handles a top-level array, arrays of arrays and empty containers', () => {
    expect(keysFromJsonSample('[{"id":1}]')).toEqual({ ok: true, keys: ['[0]', '[0].id'] });
    expect(keysFromJsonSample('{"m":[[1,2]],"e":[],"o":{}}')).toEqual({
      ok: true,
      keys: ['m', 'm[0]', 'm[0][0]', 'e', 'o'],
    });
  });

  it('keeps unicode keys as they are', () => {
    expect(keysFromJsonSample('{"订单":{"编号":1},"émoji😀":true}')).toEqual({
      ok: true,
      keys: ['订单', '订单.编号', 'émoji😀'],
    });
  });

  it('gives no keys for a scalar sample', () => {
    expect(keysFromJsonSample('42')).toEqual({ ok: true, keys: [] });
    expect(keysFromJsonSample('"text"')).toEqual({ ok: true, keys: [] });
  });

  it('rejects invalid JSON and empty input', () => {
    expect(keysFromJsonSample('{"a":')).toEqual({ ok: false, error: 'invalid-json' });
    expect(keysFromJsonSample('{a: 1}')).toEqual({ ok: false, error: 'invalid-json' });
    expect(keysFromJsonSample('   ')).toEqual({ ok: false, error: 'empty' });
  });

  it('stops at a bounded depth', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20; i += 1) {
      deep = { n: deep };
    }
    const result = keysFromJsonSample(JSON.stringify(deep));
    expect(result.ok && result.keys.length).toBe(8);
  });
});

describe('keysFromQuerySample', () => {
  it('reads the query of a full URL, ignoring the fragment', () => {
    expect(keysFromQuerySample('https://shop.example.com/hooks?page=2&sort=desc#top')).toEqual({
      ok: true,
      keys: ['page', 'sort'],
    });
  });

  it('reads a bare query string and one starting with ?', () => {
    expect(keysFromQuerySample('a=1&b=2')).toEqual({ ok: true, keys: ['a', 'b'] });
    expect(keysFromQuerySample('?a=1&flag')).toEqual({ ok: true, keys: ['a', 'flag'] });
    expect(keysFromQuerySample('/path/only?x=1')).toEqual({ ok: true, keys: ['x'] });
  });

  it('turns bracketed names into nested paths', () => {
    expect(keysFromQuerySample('?a[b]=1&c=2')).toEqual({ ok: true, keys: ['a', 'a.b', 'c'] });
    expect(keysFromQuerySample('filter[status][in]=open&ids[0]=1&ids[1]=2&tags[]=x')).toEqual({
      ok: true,
      keys: ['filter', 'filter.status', 'filter.status.in', 'ids', 'ids[0]', 'ids[1]', 'tags'],
    });
  });

  it('decodes percent-encoded and unicode names', () => {
    expect(keysFromQuerySample('?%E5%90%8D%E7%A7%B0=1&城市=北京&a%5Bb%5D=1')).toEqual({
      ok: true,
      keys: ['名称', '城市', 'a', 'a.b'],
    });
  });

  it('lists a repeated name once', () => {
    expect(keysFromQuerySample('x=1&x=2')).toEqual({ ok: true, keys: ['x'] });
  });

  it('rejects empty input, text that is not a query and broken URLs', () => {
    expect(keysFromQuerySample('')).toEqual({ ok: false, error: 'empty' });
    expect(keysFromQuerySample('hello world')).toEqual({ ok: false, error: 'invalid-url' });
    expect(keysFromQuerySample('https://exa mple.com/?a=1')).toEqual({ ok: false, error: 'invalid-url' });
    expect(keysFromQuerySample('https://example.com/no-query')).toEqual({ ok: false, error: 'invalid-url' });
  });
});

describe('keysOfJsonValue', () => {
  it('lists a parsed value as keysFromJsonSample lists its text', () => {
    const value = { order: { id: 1 }, items: [{ sku: 'A' }] };
    expect(keysOfJsonValue(value)).toEqual((keysFromJsonSample(JSON.stringify(value)) as { keys: string[] }).keys);
    expect(keysOfJsonValue('text')).toEqual([]);
    expect(keysOfJsonValue(null)).toEqual([]);
  });
});
