import { useFlowContext } from '@nocobase/plugin-workflow/client-v2';
import { useEffect } from 'react';
import { callbackNodesOf, type NodeLike } from '../variables/callbackVariables';

/** The callback nodes of each workflow on an open canvas, by workflow id. */
const byWorkflow = new Map<string, NodeLike[]>();

/**
 * A node drawer opened from the v1 canvas gets the workflow without its nodes, so the cards of
 * callback nodes, which the canvas renders with the whole node list at hand, leave the list here
 * for the pickers. It goes when the canvas drops the last such card.
 */
export function useShareCallbackNodes() {
  const { workflow, nodes } = (useFlowContext() ?? {}) as {
    workflow?: { id?: number | string } | null;
    nodes?: NodeLike[];
  };
  const id = workflow?.id == null ? null : String(workflow.id);
  useEffect(() => {
    if (id == null || !nodes) {
      return undefined;
    }
    byWorkflow.set(id, callbackNodesOf(nodes));
    return () => {
      byWorkflow.delete(id);
    };
  }, [id, nodes]);
}

/** The callback nodes the canvas of this workflow shows, if it is open. */
export function knownCallbackNodes(workflowId: number | string | null | undefined): NodeLike[] {
  return workflowId == null ? [] : (byWorkflow.get(String(workflowId)) ?? []);
}
