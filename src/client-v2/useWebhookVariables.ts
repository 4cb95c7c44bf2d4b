import type { UseVariableOptions, VariableOption } from '@nocobase/plugin-workflow/client-v2';
import type { WebhookTriggerConfig } from '../common/types';
import { useVariableWorkflow } from './useVariableWorkflow';
import { useRequestLabels } from './variables/useTemplateVariables';
import { acceptsRequestValues, buildTriggerVariables } from './variables/variableTree';

/** The trigger's `{{$context.…}}` variables for later nodes' pickers. */
export function useWebhookVariables(
  config: Record<string, unknown>,
  options?: UseVariableOptions,
): VariableOption[] | null {
  const labels = useRequestLabels();
  const { sync } = useVariableWorkflow();
  if (!acceptsRequestValues(options?.types)) {
    return null;
  }
  return buildTriggerVariables(config as WebhookTriggerConfig | undefined, labels, { sync });
}
