import { checkTriggerRegistry, extendTriggerVariables, type HostApp } from '../workflowHost';

type Variables = Array<{ value: string }> | null | undefined;
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

const urls = { value: 'callbackUrls' };
const app: HostApp = { flowEngine: { context: { appInfo: Promise.resolve({ version: '2.2.15' }) } } };
const never = () => false;
const FALLBACK = 'only the webhook trigger offers them';

describe('the workflow plugin, as the start-up check sees it', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  it('finds the trigger registry on the loaded NocoBase, and says nothing', async () => {
    const workflow = registryWith({});
    expect(checkTriggerRegistry(workflow)).toEqual({ ok: true });
    expect(extendTriggerVariables(app, workflow, () => urls, never, FALLBACK)).toBe(true);
    await Promise.resolve();
    expect(errors).not.toHaveBeenCalled();
  });

  it.each([
    ['no registry', {}, 'the workflow plugin has no `triggers` registry'],
    [
      'a registry without register',
      { triggers: { getValues: () => [] } },
      "the workflow plugin's trigger registry has no `register`",
    ],
    ['no workflow plugin', undefined, 'the workflow plugin has no `triggers` registry'],
  ])('with %s: logs one error naming the NocoBase version, and changes nothing', async (_case, workflow, problem) => {
    expect(checkTriggerRegistry(workflow)).toEqual({ ok: false, problem });
    expect(() => extendTriggerVariables(app, workflow, () => urls, never, FALLBACK)).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledWith(
      `[webhook] NocoBase 2.2.15: designer variable pickers: ${problem}; ${FALLBACK}`,
    );
  });

  it('names an unknown version when the app cannot tell', async () => {
    expect(extendTriggerVariables({}, {}, () => urls, never, FALLBACK)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^\[webhook\] NocoBase \(unknown version\): /));
  });
});

describe('extendTriggerVariables', () => {
  it('appends the variables after those of triggers registered before and after it', () => {
    const workflow = registryWith({ collection: { useVariables: () => [{ value: 'data' }] } });
    extendTriggerVariables(app, workflow, () => urls, never, FALLBACK);
    workflow.triggers.register('schedule', { useVariables: () => [{ value: 'date' }] });
    expect(workflow.triggers.get('collection')!.useVariables!({})).toEqual([{ value: 'data' }, urls]);
    expect(workflow.triggers.get('schedule')!.useVariables!({})).toEqual([{ value: 'date' }, urls]);
  });

  it('gives a trigger without variables of its own the added ones alone, and leaves them be when there is none', () => {
    const own = [{ value: 'data' }];
    let extra: typeof urls | null = urls;
    const workflow = registryWith({ bare: {}, collection: { useVariables: () => own } });
    extendTriggerVariables(app, workflow, () => extra, never, FALLBACK);
    expect(workflow.triggers.get('bare')!.useVariables!({})).toEqual([urls]);
    extra = null;
    expect(workflow.triggers.get('collection')!.useVariables!({})).toBe(own);
  });

  it('extends a trigger once, and not those that offer the variables themselves', () => {
    const shared: FakeTrigger = { useVariables: () => [] };
    const own: FakeTrigger = { useVariables: () => [{ value: 'own' }] };
    const useExtra = jest.fn(() => urls);
    const workflow = registryWith({ a: shared, webhook: own });
    extendTriggerVariables(app, workflow, useExtra, (trigger) => trigger === own, FALLBACK);
    extendTriggerVariables(app, workflow, useExtra, (trigger) => trigger === own, FALLBACK);
    workflow.triggers.register('b', shared);
    expect(shared.useVariables!({})).toEqual([urls]);
    expect(own.useVariables!({})).toEqual([{ value: 'own' }]);
    expect(useExtra).toHaveBeenCalledTimes(1);
  });

  it('passes the config and options to the trigger, and the options to the added variables', () => {
    const own = jest.fn(() => []);
    const useExtra = jest.fn(() => null);
    const workflow = registryWith({ collection: { useVariables: own } });
    extendTriggerVariables(app, workflow, useExtra, never, FALLBACK);
    const options = { types: ['string'] };
    workflow.triggers.get('collection')!.useVariables!({ mode: 1 }, options);
    expect(own).toHaveBeenCalledWith({ mode: 1 }, options);
    expect(useExtra).toHaveBeenCalledWith(options);
  });
});
