/**
 * Configuration shapes as the designer UI reads and writes them. Every field is optional: a
 * workflow created with `config: {}` is a working webhook.
 */
export interface FieldRule {
  key?: string;
  alias?: string | null;
}

export interface HeaderPair {
  name?: string;
  value?: unknown;
}

export type AuthType = 'none' | 'basic';

export interface AuthConfig {
  type?: AuthType;
  username?: string;
  password?: string;
}

export interface RequestRules {
  headers?: FieldRule[];
  query?: FieldRule[];
  body?: FieldRule[];
}

export interface ResponseConfig {
  statusCode?: number | string | null;
  headers?: HeaderPair[];
  body?: unknown;
}

export interface WebhookTriggerConfig {
  auth?: AuthConfig;
  request?: RequestRules;
  response?: ResponseConfig;
  timeout?: number | null;
  idempotency?: IdempotencyConfig | null;
}

/** The part of a workflow record the designer reads. */
export interface WorkflowLike {
  id?: number | string;
  key?: string;
  type?: string;
  sync?: boolean;
  config?: WebhookTriggerConfig;
}

/** What a webhook run sees as `{{$context}}`. */
export interface WebhookContext {
  method: string;
  headers: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** Where the sender's own delivery id comes from, and how long a repeat of it is recognised. */
export interface IdempotencyConfig {
  header?: string;
  bodyPath?: string;
  /** Seconds; default 86400. */
  ttl?: number | null;
}
