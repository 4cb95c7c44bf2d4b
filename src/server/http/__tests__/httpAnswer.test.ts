import { answerFromResponseConfig, headerSafeValue } from '../HttpAnswer';

describe('answers built from configuration', () => {
  it('percent-encodes whatever a header value cannot carry, by code point', () => {
    expect(headerSafeValue('plain value\twith tab')).toBe('plain value\twith tab');
    expect(headerSafeValue('a\r\nSet-Cookie: x')).toBe('a%0D%0ASet-Cookie: x');
    expect(headerSafeValue('中😀')).toBe('%E4%B8%AD%F0%9F%98%80');
    expect(headerSafeValue('lone \ud800 surrogate')).toBe('lone %EF%BF%BD surrogate');
  });

  it('drops invalid header names and turns a status outside 200–599 into a 500 that says so', () => {
    const defaults = { status: 200, headers: {}, body: null as unknown };
    const built = answerFromResponseConfig(
      {
        headers: [
          { name: 'Bad Name', value: 'x' },
          { name: 'X-Ok', value: 1 },
        ],
      },
      defaults,
    );
    expect(built.answer).toEqual({ status: 200, headers: { 'X-Ok': '1' }, body: null });
    expect(built.problems).toEqual([expect.stringContaining('Bad Name')]);

    for (const statusCode of [100, 199, 600, '1e2', 'abc', 200.5]) {
      const { answer } = answerFromResponseConfig({ statusCode }, defaults);
      expect(answer.status).toBe(500);
    }
    expect(answerFromResponseConfig({ statusCode: ' 204 ' }, defaults).answer.status).toBe(204);
    expect(answerFromResponseConfig({ statusCode: '' }, defaults).answer.status).toBe(200);
  });
});
