import { Trigger, type TriggerLoaderOf, type UseVariableOptions } from '@nocobase/plugin-workflow/client-v2';
import { isTriggerConfigValid } from '../common/availability';
import type { WebhookTriggerConfig } from '../common/types';
import { useCallbackUrlVariables } from './callback/useCallbackUrlVariables';
import { tExpr } from './locale';
import { useWebhookVariables } from './useWebhookVariables';

/** "Webhook event": leaves `sync` open, so the designer picks the execute mode at creation. */
export default class WebhookTrigger extends Trigger {
  title = tExpr('Webhook event');
  description = tExpr(
    'Triggered when an external system sends an HTTP POST request to the webhook URL of this workflow.',
  );

  PresetFieldsetLoader: TriggerLoaderOf = () => import('./trigger/WebhookPresetFieldset');
  FieldsetLoader: TriggerLoaderOf = () => import('./trigger/WebhookTriggerFieldset');
  TriggerFieldsetLoader: TriggerLoaderOf = () => import('./trigger/WebhookExecuteFieldset');

  /** The request, then the callback URLs every run gets (other triggers get these from `offerCallbackUrlsInTriggers`). */
  // The workflow client calls `useVariables` as a hook from its pickers, so it may call hooks.
  useVariables(config: Record<string, unknown>, options?: UseVariableOptions) {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const variables = useWebhookVariables(config, options);
    // eslint-disable-next-line react-hooks/rules-of-hooks
    const callbackUrls = useCallbackUrlVariables(options);
    return variables && callbackUrls ? [...variables, callbackUrls] : variables;
  }

  validate(config: Record<string, unknown>) {
    return isTriggerConfigValid(config as WebhookTriggerConfig);
  }
}
