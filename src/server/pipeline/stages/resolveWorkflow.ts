import type { WebhookTriggerConfig } from '../../../common/types';
import type { WorkflowModel } from '@nocobase/plugin-workflow';
import type WebhookTrigger from '../../WebhookTrigger';
import { Received, Resolved, Stage, WebhookRejection } from '../Delivery';

/**
 * Finds the enabled webhook workflow bound to the key in the URL (an in-memory index, no query),
 * and decides once whether its sender waits for the run.
 */
export function resolveWorkflow(
  trigger: WebhookTrigger,
  isSync: (workflow: WorkflowModel) => boolean,
): Stage<Received, Resolved> {
  return (delivery) => {
    const workflow = trigger.findEnabled(delivery.key);
    if (!workflow) {
      // Not repeated: for a workflow without authentication the key is its only credential, and the
      // refusal is written to the request log (which names the key by a hash of it instead).
      throw new WebhookRejection(404, 'No enabled webhook workflow at this URL');
    }
    delivery.trace.workflowId = workflow.id;
    return { ...delivery, workflow, config: (workflow.config ?? {}) as WebhookTriggerConfig, sync: isSync(workflow) };
  };
}
