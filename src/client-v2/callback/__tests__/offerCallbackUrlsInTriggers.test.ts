import { offerCallbackUrlsInTriggers } from '../offerCallbackUrlsInTriggers';
import { useCallbackUrlVariables } from '../useCallbackUrlVariables';

jest.mock('../useCallbackUrlVariables', () => ({ useCallbackUrlVariables: jest.fn() }));

const useUrls = useCallbackUrlVariables as jest.MockedFunction<typeof useCallbackUrlVariables>;
const urls = { key: 'callbackUrls', value: 'callbackUrls', label: 'Callback URLs' };

type Variables = Array<{ value: string }> | null;
interface FakeTrigger {
  useVariables?: (config: unknown, options?: unknown) => Variables;
}

/** The workflow plugin's registry as both clients have it: a map that refuses a second entry. */
function registryWith(entries: Record<string, FakeTrigger>) {
  const map = new Map(Object.entries(entries));
  return {
    triggers: {
      register(type: string, trigger: FakeTrigger) {
        if (map.has(type)) {
          throw new Error(`"${type}" is registered`);
        }
        map.set(type, trigger);
      },
      get: (type: string) => map.get(type),
      getValues: () => map.values(),
    },
  };
}

beforeEach(() => useUrls.mockReset());

describe('offerCallbackUrlsInTriggers', () => {
  it('appends the callback URLs after the variables of triggers registered before and after it', () => {
    const collection: FakeTrigger = { useVariables: () => [{ value: 'data' }] };
    const workflow = registryWith({ collection });
    offerCallbackUrlsInTriggers(workflow);
    workflow.triggers.register('schedule', { useVariables: () => [{ value: 'date' }] });
    useUrls.mockReturnValue(urls);

    expect(workflow.triggers.get('collection')!.useVariables!({}, { types: ['string'] })).toEqual([
      { value: 'data' },
      urls,
    ]);
    expect(workflow.triggers.get('schedule')!.useVariables!({})).toEqual([{ value: 'date' }, urls]);
    expect(useUrls).toHaveBeenLastCalledWith(undefined);
  });

  it('gives a trigger without variables of its own the callback URLs alone', () => {
    const workflow = registryWith({ bare: {} });
    offerCallbackUrlsInTriggers(workflow);
    useUrls.mockReturnValue(urls);
    expect(workflow.triggers.get('bare')!.useVariables!({})).toEqual([urls]);
  });

  it("leaves a trigger's variables as they are when the workflow has no callback node", () => {
    const own = [{ value: 'data' }];
    const workflow = registryWith({ collection: { useVariables: () => own }, empty: { useVariables: () => null } });
    offerCallbackUrlsInTriggers(workflow);
    useUrls.mockReturnValue(null);
    expect(workflow.triggers.get('collection')!.useVariables!({})).toBe(own);
    expect(workflow.triggers.get('empty')!.useVariables!({})).toBeNull();
  });

  it('adds them once to a trigger met twice', () => {
    const shared: FakeTrigger = { useVariables: () => [] };
    const workflow = registryWith({ a: shared });
    offerCallbackUrlsInTriggers(workflow);
    offerCallbackUrlsInTriggers(workflow);
    workflow.triggers.register('b', shared);
    useUrls.mockReturnValue(urls);
    expect(shared.useVariables!({})).toEqual([urls]);
    expect(useUrls).toHaveBeenCalledTimes(1);
  });

  it('passes the config and options to the trigger, and the options to the callback URLs', () => {
    const own = jest.fn(() => []);
    const workflow = registryWith({ collection: { useVariables: own } });
    offerCallbackUrlsInTriggers(workflow);
    useUrls.mockReturnValue(null);
    const options = { types: ['string'] };
    workflow.triggers.get('collection')!.useVariables!({ mode: 1 }, options);
    expect(own).toHaveBeenCalledWith({ mode: 1 }, options);
    expect(useUrls).toHaveBeenCalledWith(options);
  });
});
