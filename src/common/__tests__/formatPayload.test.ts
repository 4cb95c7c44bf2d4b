import { formatPayload, hasPayload } from '../formatPayload';

describe('formatPayload', () => {
  it('indents objects and arrays as JSON', () => {
    expect(formatPayload({ order: { id: 1 } })).toBe('{\n  "order": {\n    "id": 1\n  }\n}');
    expect(formatPayload([1])).toBe('[\n  1\n]');
  });

  it('re-indents a string holding JSON and keeps other text as it is', () => {
    expect(formatPayload('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(formatPayload('{"order": ')).toBe('{"order": ');
    expect(formatPayload('<xml/>')).toBe('<xml/>');
  });

  it('shows scalars and nothing for empty values', () => {
    expect(formatPayload(42)).toBe('42');
    expect(formatPayload(false)).toBe('false');
    expect(formatPayload(null)).toBe('');
    expect(formatPayload(undefined)).toBe('');
  });
});

describe('hasPayload', () => {
  it('is false for empty containers, empty text and null', () => {
    expect([{}, [], '', null, undefined].map(hasPayload)).toEqual([false, false, false, false, false]);
    expect([{ a: 1 }, [0], 'x', 0, false].map(hasPayload)).toEqual([true, true, true, true, true]);
  });
});
