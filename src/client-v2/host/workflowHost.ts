import type { UseVariableOptions, VariableOption } from '@nocobase/plugin-workflow/client-v2';

/**
 * The only client module that reaches into NocoBase internals. The workflow plugin lists a
 * trigger's `{{$context…}}` variables from that trigger's `useVariables` alone, and has no way for
 * another plugin to add one; but every run gets its callback URLs in `$context`, whatever its
 * trigger. So this module, and only this one, uses the workflow plugin's `triggers` registry
 * (typed `any` in both clients): it wraps the `useVariables` of the triggers registered so far and
 * replaces `register` so that those registered later are wrapped too. At start it checks that the
 * registry is there; when it is not, it says so once in the console and changes nothing.
 */

type UseTriggerVariables = (config: unknown, options?: UseVariableOptions) => VariableOption[] | null | undefined;

/** Variables added after a trigger's own; null when there is nothing to add. */
export type UseExtraVariables = (options?: UseVariableOptions) => VariableOption | null;

interface TriggerLike {
  useVariables?: UseTriggerVariables;
  [EXTENDED]?: true;
}

interface TriggerRegistry {
  register(type: string, trigger: TriggerLike): void;
  getValues(): Iterable<TriggerLike>;
}

/** What the start-up check found in the loaded NocoBase. */
export interface HostCheck {
  ok: boolean;
  /** What is missing, when not ok. */
  problem?: string;
}

/** The part of either client's app the report reads the NocoBase version from (`app:getInfo`). */
export interface HostApp {
  flowEngine?: { context?: { readonly appInfo?: Promise<{ version?: string }> } };
}

const EXTENDED = Symbol('webhook.extendedTriggerVariables');

/** Whether the workflow plugin has the trigger registry this module relies on. */
export function checkTriggerRegistry(workflow: unknown): HostCheck {
  const registry = (workflow as { triggers?: Partial<TriggerRegistry> } | null | undefined)?.triggers;
  if (!registry || typeof registry !== 'object') {
    return { ok: false, problem: 'the workflow plugin has no `triggers` registry' };
  }
  const missing = (['register', 'getValues'] as const).filter((name) => typeof registry[name] !== 'function');
  return missing.length
    ? {
        ok: false,
        problem: `the workflow plugin's trigger registry has no ${missing.map((name) => `\`${name}\``).join(' or ')}`,
      }
    : { ok: true };
}

/** The running NocoBase's version, or "(unknown version)" when it cannot be read. */
export async function nocobaseVersion(app: HostApp): Promise<string> {
  try {
    return (await app.flowEngine?.context?.appInfo)?.version || '(unknown version)';
  } catch {
    return '(unknown version)';
  }
}

/**
 * One console error, as the server's host checks word theirs: which NocoBase, which part, what
 * changed, and what the plugin does instead.
 */
export async function reportHostProblem(app: HostApp, part: string, check: HostCheck, fallback: string): Promise<void> {
  const version = await nocobaseVersion(app);
  console.error(`[webhook] NocoBase ${version}: ${part}: ${check.problem}; ${fallback}`);
}

function extend(trigger: TriggerLike, useExtra: UseExtraVariables, except: (trigger: unknown) => boolean) {
  if (!trigger || typeof trigger !== 'object' || trigger[EXTENDED] || except(trigger)) {
    return;
  }
  const own = trigger.useVariables;
  // The trigger's own hook runs first and the added one always after it, so both keep their order.
  trigger.useVariables = function useVariablesWithExtra(this: TriggerLike, config, options) {
    const variables = own?.call(this, config, options);
    const extra = useExtra(options);
    return extra ? [...(Array.isArray(variables) ? variables : []), extra] : variables;
  };
  trigger[EXTENDED] = true;
}

/**
 * Adds `useExtra`'s variables after the variables of every trigger type, registered so far or
 * later, except those `except` names (they offer them themselves). Returns whether it could; when
 * the registry is gone it logs why and leaves every trigger as it is.
 */
export function extendTriggerVariables(
  app: HostApp,
  workflow: unknown,
  useExtra: UseExtraVariables,
  except: (trigger: unknown) => boolean,
  fallback: string,
): boolean {
  const check = checkTriggerRegistry(workflow);
  if (!check.ok) {
    void reportHostProblem(app, 'designer variable pickers', check, fallback);
    return false;
  }
  const registry = (workflow as { triggers: TriggerRegistry }).triggers;
  for (const trigger of Array.from(registry.getValues())) {
    extend(trigger, useExtra, except);
  }
  const register = registry.register.bind(registry);
  registry.register = (type, trigger) => {
    extend(trigger, useExtra, except);
    register(type, trigger);
  };
  return true;
}
