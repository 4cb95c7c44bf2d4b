import { TRIGGER_TYPE } from './constants';
import type { WebhookTriggerConfig, WorkflowLike } from './types';

/** "HTTP Response" only makes sense where a caller waits: synchronous webhook workflows. */
export function isResponseNodeAvailable(workflow: WorkflowLike | undefined, isSync: boolean): boolean {
  return workflow?.type === TRIGGER_TYPE && isSync;
}

/** Basic authentication needs both credentials; everything else is optional. */
export function isTriggerConfigValid(config: WebhookTriggerConfig | undefined): boolean {
  const auth = config?.auth;
  if (auth?.type !== 'basic') {
    return true;
  }
  return Boolean(auth.username?.trim()) && Boolean(auth.password);
}
