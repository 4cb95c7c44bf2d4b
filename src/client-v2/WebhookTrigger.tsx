import { Trigger, type TriggerLoaderOf, type UseVariableOptions } from '@nocobase/plugin-workflow/client-v2';
import { isTriggerConfigValid } from '../common/availability';
import type { WebhookTriggerConfig } from '../common/types';
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

  useVariables(config: Record<string, unknown>, options?: UseVariableOptions) {
    return useWebhookVariables(config, options);
  }

  validate(config: Record<string, unknown>) {
    return isTriggerConfigValid(config as WebhookTriggerConfig);
  }
}
