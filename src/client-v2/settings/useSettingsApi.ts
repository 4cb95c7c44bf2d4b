import { useFlowEngine } from '@nocobase/flow-engine';
import { useMemo } from 'react';
import type { RetentionSettingsView, StoredRetention } from '../../common/retentionLimits';
import { SETTINGS_RESOURCE } from '../../common/settings';

/** `webhookSettings:get` and `:put`, in either client. */
export function useSettingsApi() {
  const engine = useFlowEngine();
  return useMemo(() => {
    const call = async (config: Record<string, unknown>) =>
      (await engine.context.api.request<{ data: RetentionSettingsView }>(config)).data.data;
    return {
      get: () => call({ url: `${SETTINGS_RESOURCE}:get`, method: 'get' }),
      put: (values: StoredRetention) => call({ url: `${SETTINGS_RESOURCE}:put`, method: 'post', data: values }),
    };
  }, [engine]);
}
