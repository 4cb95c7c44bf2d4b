import { useFlowEngine } from '@nocobase/flow-engine';
import { useMemo } from 'react';
import type { RetentionSettings, StoredRetention } from '../../common/retentionLimits';
import { SETTINGS_RESOURCE } from '../../common/settings';

/** What the server stores, and what applies to each limit left empty. */
export interface SettingsView extends StoredRetention {
  fallback: RetentionSettings;
}

/** `webhookSettings:get` and `:put`, in either client. */
export function useSettingsApi() {
  const engine = useFlowEngine();
  return useMemo(() => {
    const call = async (config: Record<string, unknown>) =>
      (await engine.context.api.request<{ data: SettingsView }>(config)).data.data;
    return {
      get: () => call({ url: `${SETTINGS_RESOURCE}:get`, method: 'get' }),
      put: (values: StoredRetention) => call({ url: `${SETTINGS_RESOURCE}:put`, method: 'post', data: values }),
    };
  }, [engine]);
}
