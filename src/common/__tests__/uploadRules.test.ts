import { isMimePattern } from '../uploadRules';

describe('isMimePattern', () => {
  it('accepts types and the patterns the file manager matches', () => {
    for (const value of [
      'image/png',
      'application/pdf',
      'image/*',
      '*',
      '*/*',
      'application/vnd.ms-excel',
      'image/svg+xml',
      ' text/csv ',
    ]) {
      expect(isMimePattern(value)).toBe(true);
    }
  });

  it('refuses extensions, bare words, lists and anything that is not a string', () => {
    for (const value of ['png', '.pdf', 'image', 'image/', '/png', 'image/png,image/gif', 'image /png', '', 42, null]) {
      expect(isMimePattern(value)).toBe(false);
    }
  });
});
