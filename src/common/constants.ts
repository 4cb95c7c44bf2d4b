/** Trigger type name, stored in `workflows.type`. */
export const TRIGGER_TYPE = 'webhook';

/** Node type name of the "HTTP Response" instruction, stored in `flow_nodes.type`. */
export const RESPONSE_NODE_TYPE = 'response';
/** "Wait for callback": pauses its run until a request reaches the run's own callback URL. */
export const CALLBACK_NODE_TYPE = 'webhookCallback';
/** `/api/webhook:callback/<token>`. */
export const CALLBACK_ACTION = 'callback';

/** Resource and action that receive deliveries: `/api/webhook:trigger/<workflow key>`. */
export const WEBHOOK_RESOURCE = 'webhook';
export const WEBHOOK_ACTION = 'trigger';

/** i18n namespace of this plugin: the package name, as NocoBase loads locales by it. */
export const NAMESPACE = '@hookflow/plugin-workflow-webhook';

/** Seconds a synchronous delivery waits for its run before answering 408. */
export const DEFAULT_SYNC_TIMEOUT_SECONDS = 30;

export const DEFAULT_ASYNC_RESPONSE = { statusCode: 200, body: 'ok' } as const;
