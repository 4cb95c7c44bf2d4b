import V2WebhookTrigger from '../client-v2/WebhookTrigger';

/**
 * The v1 canvas falls through to the inherited loaders when a trigger has no Formily `fieldset`,
 * `presetFieldset` or `triggerFieldset`, so the antd forms are written once, in client-v2.
 */
export default class WebhookTrigger extends V2WebhookTrigger {}
