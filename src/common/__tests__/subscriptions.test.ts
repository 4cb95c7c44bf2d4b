import { literalSecretHeaders, rowsToState, stateToRows, stateValueText } from '../subscriptions';

describe('state rows', () => {
  it('round-trips a state map through rows', () => {
    const state = { webhookId: '{{$response.body.id}}', secret: '{{$response.body.secret}}' };
    expect(stateToRows(state)).toEqual([
      { name: 'webhookId', template: '{{$response.body.id}}' },
      { name: 'secret', template: '{{$response.body.secret}}' },
    ]);
    expect(rowsToState(stateToRows(state))).toEqual(state);
  });

  it('leaves out unnamed rows, trims names, and keeps the last of a repeated name', () => {
    expect(
      rowsToState([
        { name: ' id ', template: 'a' },
        { name: '', template: 'typed before its name' },
        { name: 'id', template: 'b' },
      ]),
    ).toEqual({ id: 'b' });
  });

  it('gives nothing for no rows, and no rows for nothing', () => {
    expect(rowsToState([])).toBeUndefined();
    expect(rowsToState([{ name: ' ', template: 'x' }])).toBeUndefined();
    expect(stateToRows(undefined)).toEqual([]);
    expect(stateToRows(null)).toEqual([]);
  });
});

describe('literalSecretHeaders', () => {
  it('names credential headers that hold the secret itself', () => {
    expect(
      literalSecretHeaders([
        { name: 'Authorization', value: 'Bearer abc123' },
        { name: 'X-Api-Key', value: 'k-1' },
        { name: 'Private-Token', value: '{{$env.GITLAB_TOKEN}}' },
        { name: 'Authorization', value: 'Bearer {{$env.TOKEN}}' },
        { name: 'Accept', value: 'application/json' },
        { name: 'X-Secret', value: '' },
        null,
      ]),
    ).toEqual(['Authorization', 'X-Api-Key']);
  });

  it('accepts no headers', () => {
    expect(literalSecretHeaders(undefined)).toEqual([]);
  });
});

describe('stateValueText', () => {
  it('shows strings as they are and other values as JSON', () => {
    expect(stateValueText('wh_1')).toBe('wh_1');
    expect(stateValueText(42)).toBe('42');
    expect(stateValueText({ a: 1 })).toBe('{"a":1}');
    expect(stateValueText(null)).toBe('null');
    expect(stateValueText(undefined)).toBe('');
  });
});
