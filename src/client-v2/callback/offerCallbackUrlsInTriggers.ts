import { extendTriggerVariables, type HostApp } from '../host/workflowHost';
import WebhookTrigger from '../WebhookTrigger';
import { useCallbackUrlVariables } from './useCallbackUrlVariables';

/**
 * Every run gets its callback URLs in `$context.callbackUrls`, whatever starts it, so every trigger
 * type's variables offer them. The webhook trigger offers them itself, which is all that is left
 * when the workflow plugin's registry cannot be extended.
 */
export function offerCallbackUrlsInTriggers(app: HostApp, workflow: unknown) {
  extendTriggerVariables(
    app,
    workflow,
    useCallbackUrlVariables,
    (trigger) => trigger instanceof WebhookTrigger,
    'the callback URLs of "Wait for callback" nodes are offered in the variables of "Webhook event" workflows only',
  );
}
