import type { UseVariableOptions, VariableOption } from '@nocobase/plugin-workflow/client-v2';
import { useCallbackUrlVariables } from './useCallbackUrlVariables';

const OFFERS_CALLBACK_URLS = Symbol('offersCallbackUrls');

type UseTriggerVariables = (config: unknown, options?: UseVariableOptions) => VariableOption[] | null | undefined;

interface TriggerLike {
  useVariables?: UseTriggerVariables;
  [OFFERS_CALLBACK_URLS]?: true;
}

/** The `triggers` registry of either client's workflow plugin. */
interface TriggerRegistry {
  register(type: string, trigger: TriggerLike): void;
  getValues(): Iterable<TriggerLike>;
}

/**
 * Appends the callback URLs to one trigger's variables. Its own `useVariables` runs first and ours
 * always after it, so the hooks of both keep their order on every render.
 */
function offerCallbackUrls(trigger: TriggerLike) {
  if (!trigger || trigger[OFFERS_CALLBACK_URLS]) {
    return;
  }
  const own = trigger.useVariables;
  trigger.useVariables = function useVariablesWithCallbackUrls(this: TriggerLike, config, options) {
    const variables = own?.call(this, config, options);
    const callbackUrls = useCallbackUrlVariables(options);
    if (!callbackUrls) {
      return variables;
    }
    return [...(Array.isArray(variables) ? variables : []), callbackUrls as VariableOption];
  };
  trigger[OFFERS_CALLBACK_URLS] = true;
}

/**
 * Every run gets its callback URLs in `$context.callbackUrls`, whatever starts it, but pickers list
 * `$context` from the trigger's `useVariables` alone: the workflow plugin has no other way to add
 * a trigger variable (system variables land under `$system`, node results under the node). So each
 * trigger type, those registered so far and those plugins register after this one, gets them
 * appended to its own variables.
 */
export function offerCallbackUrlsInTriggers(workflow: { triggers: unknown }) {
  const registry = workflow.triggers as TriggerRegistry;
  for (const trigger of Array.from(registry.getValues())) {
    offerCallbackUrls(trigger);
  }
  const register = registry.register.bind(registry);
  registry.register = (type, trigger) => {
    offerCallbackUrls(trigger);
    register(type, trigger);
  };
}
