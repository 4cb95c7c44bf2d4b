/**
 * Shapes of the stored configuration of a webhook workflow and of an "HTTP Response" node.
 * Every field is optional: a workflow created with `config: {}` is a working webhook.
 */
export interface FieldRule {
  key: string;
  alias?: string;
}

export interface HeaderRule {
  name: string;
  value?: unknown;
}

export interface AuthConfig {
  type?: 'none' | 'basic';
  username?: string;
  password?: string;
}

export interface ResponseConfig {
  statusCode?: number | string;
  headers?: HeaderRule[];
  body?: unknown;
}

export interface WebhookTriggerConfig {
  auth?: AuthConfig;
  request?: {
    headers?: FieldRule[];
    query?: FieldRule[];
    body?: FieldRule[];
  };
  response?: ResponseConfig;
  /** Seconds a synchronous delivery waits for its run before answering 408. */
  timeout?: number;
  [key: string]: unknown;
}

/** What a webhook run sees as `{{$context}}`. */
export interface WebhookContext {
  method: string;
  headers: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}
