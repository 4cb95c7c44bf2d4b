import type PluginWorkflowServer from '@nocobase/plugin-workflow';

/**
 * The two promises through which NocoBase's workflow dispatcher (2.x) marks that it is writing:
 * `saving` while it turns queued events into execution rows, `executing` while it runs one.
 * Its own queue only delivers work while both are empty, and its event saver waits for
 * `executing` on SQLite, so holding `executing` keeps the engine's writes out of the way.
 */
export interface EngineActivity {
  saving: Promise<unknown> | null;
  executing: Promise<unknown> | null;
}

export function engineActivityOf(plugin: PluginWorkflowServer): EngineActivity | null {
  const dispatcher = (plugin as unknown as { dispatcher?: Partial<EngineActivity> }).dispatcher;
  if (dispatcher && 'saving' in dispatcher && 'executing' in dispatcher) {
    return dispatcher as EngineActivity;
  }
  return null;
}

/** Waits until the engine is neither saving events nor running an execution. */
export async function engineQuiet(engine: EngineActivity | null): Promise<void> {
  while (engine && (engine.saving || engine.executing)) {
    await Promise.resolve(engine.saving ?? engine.executing).catch(() => undefined);
  }
}
