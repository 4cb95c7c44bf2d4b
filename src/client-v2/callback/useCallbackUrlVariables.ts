import type { UseVariableOptions } from '@nocobase/plugin-workflow/client-v2';
import { buildCallbackUrlVariables } from '../variables/callbackVariables';
import { acceptsRequestValues, type VariableNode } from '../variables/variableTree';
import { useT } from '../locale';
import { useVariableWorkflow } from '../useVariableWorkflow';

/**
 * `$context.callbackUrls`, one entry per "Wait for callback" node of the workflow whose picker is
 * open: every run gets these URLs as it starts, whatever its trigger. None for pickers that want
 * records, or in a workflow without such a node.
 */
export function useCallbackUrlVariables(options?: UseVariableOptions): VariableNode | null {
  const t = useT();
  const { nodes } = useVariableWorkflow();
  if (!acceptsRequestValues(options?.types)) {
    return null;
  }
  return buildCallbackUrlVariables(nodes, {
    group: t('Callback URLs'),
    url: (title) => t('Callback URL ({{title}})', { title }),
  });
}
