import { appendSegment, isTemplatePath, isTemplateSegment, splitFieldPath } from '../fieldPath';

describe('splitFieldPath', () => {
  it('splits dots and brackets', () => {
    expect(splitFieldPath('order.id')).toEqual(['order', 'id']);
    expect(splitFieldPath('items[0].sku')).toEqual(['items', '0', 'sku']);
    expect(splitFieldPath('filter[status][in]')).toEqual(['filter', 'status', 'in']);
    expect(splitFieldPath('[0].id')).toEqual(['0', 'id']);
    expect(splitFieldPath(' a . b ')).toEqual(['a', 'b']);
    expect(splitFieldPath('')).toEqual([]);
  });
});

describe('appendSegment', () => {
  it('brackets indexes and dots keys', () => {
    expect(appendSegment('', 'a')).toBe('a');
    expect(appendSegment('a', 'b')).toBe('a.b');
    expect(appendSegment('a', 0)).toBe('a[0]');
    expect(appendSegment('', 0)).toBe('[0]');
  });
});

describe('isTemplateSegment / isTemplatePath', () => {
  it('accepts what {{…}} templates resolve', () => {
    for (const segment of ['order', 'x-request-id', 'a b', '0', 'a$', 'a/b', 'x_y']) {
      expect(isTemplateSegment(segment)).toBe(true);
    }
    expect(isTemplatePath('items[0].sku')).toBe(true);
  });

  it('rejects non-ASCII letters, colons and dots inside one segment', () => {
    for (const segment of ['名称', 'é', 'a:b', 'x.custom', '']) {
      expect(isTemplateSegment(segment)).toBe(false);
    }
    expect(isTemplatePath('order.名称')).toBe(false);
    expect(isTemplatePath('')).toBe(false);
  });
});
