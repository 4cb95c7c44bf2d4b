import { mergeFieldRules } from '../mergeFieldRules';

describe('mergeFieldRules', () => {
  it('keeps existing rows with their aliases and appends only new keys', () => {
    const existing = [{ key: 'order.id', alias: 'Order ID' }, { key: 'page' }];
    expect(mergeFieldRules(existing, ['order', 'order.id', 'page', 'items[0].sku'])).toEqual({
      rules: [{ key: 'order.id', alias: 'Order ID' }, { key: 'page' }, { key: 'order' }, { key: 'items[0].sku' }],
      added: 2,
    });
  });

  it('ignores blanks and duplicates within the parsed keys, and compares trimmed keys', () => {
    expect(mergeFieldRules([{ key: ' a ' }], ['a', '', ' b', 'b'])).toEqual({
      rules: [{ key: ' a ' }, { key: 'b' }],
      added: 1,
    });
  });

  it('starts from nothing when there are no rows yet', () => {
    expect(mergeFieldRules(undefined, ['x'])).toEqual({ rules: [{ key: 'x' }], added: 1 });
  });
});

describe('mergeFieldRules with a normalized comparison', () => {
  it('treats header names that differ in case as the same row', () => {
    const lower = (key: string) => key.toLowerCase();
    expect(mergeFieldRules([{ key: 'X-Shop', alias: 'Shop' }], ['x-shop', 'x-topic', 'X-TOPIC'], lower)).toEqual({
      rules: [{ key: 'X-Shop', alias: 'Shop' }, { key: 'x-topic' }],
      added: 1,
    });
  });
});
