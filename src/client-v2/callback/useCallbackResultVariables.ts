import type { UseVariableOptions, VariableOption } from '@nocobase/plugin-workflow/client-v2';
import { buildCallbackResultVariables, type NodeLike } from '../variables/callbackVariables';
import { acceptsRequestValues } from '../variables/variableTree';
import { useT } from '../locale';

/** The node's result for later nodes' pickers; none for pickers that want records. */
export function useCallbackResultVariables(node: NodeLike, options?: UseVariableOptions): VariableOption | null {
  const t = useT();
  if (!node?.key || !acceptsRequestValues(options?.types)) {
    return null;
  }
  return buildCallbackResultVariables(
    { ...node, key: node.key, title: node.title || t('Wait for callback') },
    {
      callbackUrl: t('Callback URL'),
      timedOut: t('Timed out'),
      request: t('Request'),
      method: t('Method'),
      headers: t('Headers'),
      query: t('Query parameters'),
      body: t('Body'),
    },
  );
}
