import {
  useCurrentWorkflowContext,
  useFlowContext,
  WorkflowVariableSourceContext,
} from '@nocobase/plugin-workflow/client-v2';
import { useContext } from 'react';
import type { NodeLike } from './variables/callbackVariables';
import { knownCallbackNodes } from './callback/knownCallbackNodes';

interface WorkflowWithNodes {
  id?: number | string;
  sync?: boolean;
  nodes?: NodeLike[];
}

/**
 * The workflow whose variables a picker offers, with its nodes: the v2 canvas gives node drawers
 * the workflow record loaded with its nodes, the v1 canvas keeps them in its flow context, and a
 * drawer opened from the v1 canvas has those the callback node cards shared.
 */
export function useVariableWorkflow(): { sync: boolean; nodes: NodeLike[] } {
  const source = useContext(WorkflowVariableSourceContext) as WorkflowWithNodes | null;
  const current = useCurrentWorkflowContext() as WorkflowWithNodes | null;
  const flow = useFlowContext() as { workflow?: WorkflowWithNodes | null; nodes?: NodeLike[] } | null;
  const workflow = [source, current, flow?.workflow].find((candidate) => candidate?.id != null);
  return {
    sync: Boolean(workflow?.sync),
    nodes: workflow?.nodes ?? flow?.nodes ?? knownCallbackNodes(workflow?.id),
  };
}
