import { jsonErrorPosition } from '../jsonErrorPosition';

describe('jsonErrorPosition', () => {
  it('is -1 for JSON', () => {
    for (const text of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n"]} ',
      '"s"',
      '0',
      '[[[]]]',
      '{"a":{"b":{}}}',
    ]) {
      expect({ text, position: jsonErrorPosition(text) }).toEqual({ text, position: -1 });
    }
  });

  it('names the offset where the text stops being JSON', () => {
    expect(jsonErrorPosition('{"order": ')).toBe(10);
    expect(jsonErrorPosition('{"card": "4111 1111 1111 1111",}')).toBe(31);
    expect(jsonErrorPosition('{"a" 1}')).toBe(5);
    expect(jsonErrorPosition('{a: 1}')).toBe(1);
    expect(jsonErrorPosition('[1, 2,]')).toBe(6);
    expect(jsonErrorPosition('[1] x')).toBe(4);
    expect(jsonErrorPosition('tru')).toBe(3);
    expect(jsonErrorPosition('nul!')).toBe(3);
    expect(jsonErrorPosition('"a\u0001"')).toBe(2);
    expect(jsonErrorPosition('"\\x"')).toBe(2);
    expect(jsonErrorPosition('"\\u12G4"')).toBe(5);
    expect(jsonErrorPosition('01')).toBe(1);
    expect(jsonErrorPosition('-')).toBe(0);
    expect(jsonErrorPosition('')).toBe(0);
    expect(jsonErrorPosition('   ')).toBe(3);
  });

  it('agrees with JSON.parse on which texts are JSON', () => {
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"k"',
      '"v\\"',
      '1',
      '-0.5',
      '1e',
      'true',
      'nul',
      ' ',
      '\n',
      'x',
      '"\\u00',
      '\\',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 10_000; round += 1) {
      const text = Array.from({ length: 1 + (next() % 8) }, () => pieces[next() % pieces.length]).join('');
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect({ text, valid: jsonErrorPosition(text) === -1 }).toEqual({ text, valid });
    }
  });

  it('scans a body nested far deeper than any stack', () => {
    expect(jsonErrorPosition(`${'['.repeat(100_000)}x`)).toBe(100_000);
  });
});
