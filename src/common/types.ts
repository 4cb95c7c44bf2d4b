import type { SenderId } from './senders';

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

export const AUTH_TYPES = ['none', 'basic', 'header', 'bearer'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

/** Secrets (`password`, `value`, `token`) may be written as `{{$env.NAME}}`. */
export interface AuthConfig {
  type?: AuthType;
  /** basic */
  username?: string;
  password?: string;
  /** header: the header's name and the value it must carry */
  name?: string;
  value?: string;
  /** bearer */
  token?: string;
}

/** A sender of the catalogue (`common/senders.ts`), or any HMAC header scheme described by hand. */
export type SignaturePreset = SenderId | 'custom';

/**
 * How deliveries are signed (and, for some senders, encrypted): the sender and its keys, named as
 * the catalogue says; the `custom` fields describe any HMAC header scheme.
 */
export interface SignatureConfig {
  preset?: SignaturePreset | 'none' | null;
  secret?: string;
  /** Asymmetric senders' public key (PEM, base64 or hex, as the sender shows it). */
  publicKey?: string;
  /** A verification token (Lark, WeCom, DingTalk). */
  token?: string;
  /** The id encrypted messages must be addressed to (WeCom corp id, DingTalk app key). */
  receiveId?: string;
  /** The URL the sender signs, where a proxy rewrites the path (Twilio, Square, HubSpot). */
  url?: string;
  /** Seconds a timestamped signature stays acceptable; default 300. */
  tolerance?: number | null;
  header?: string;
  algorithm?: 'sha1' | 'sha256' | 'sha512';
  encoding?: 'hex' | 'base64';
  prefix?: string;
  timestampHeader?: string;
  /** What is signed, e.g. `{timestamp}.{body}`; default the body alone. */
  signedPayload?: string;
}

export interface RateLimitConfig {
  requests?: number | null;
  per?: number | null;
}

export interface LimitsConfig {
  /** Bytes, or a string such as `"2mb"`; default 1 MiB. */
  maxBodySize?: number | string | null;
  /** Deliveries that passed authentication and signature verification, per workflow. */
  rateLimit?: RateLimitConfig | null;
  /** Refused requests (wrong credentials or signature) per workflow and client address; default 30 per 60 s. */
  refusedRateLimit?: RateLimitConfig | null;
}

export interface CorsConfig {
  origins?: string[];
}

export const WEBHOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;
export type WebhookMethod = (typeof WEBHOOK_METHODS)[number];

/** One delivery carrying many events: each event runs on its own. */
export interface EventsConfig {
  /** Where the events are, e.g. `entry[*].changes[*]` (`*`: every element). */
  path?: string;
  /** The event's type, e.g. `{{$event.field}}`. */
  type?: string;
  /** Types that run; others are left out (all run when empty). */
  filter?: string[];
  /** The event's own id, e.g. `{{$event.id}}`: its idempotency key. */
  id?: string;
}

/**
 * Files of a multipart body. By default a run sees only their name, type and size; stored, each
 * becomes an attachment in the file manager's default storage, whose own rules apply as well.
 */
export interface UploadsConfig {
  /** Store each file as an attachment; default false. */
  store?: boolean;
  /** Types a stored file may have, e.g. `["image/*", "application/pdf"]`; empty: whatever the storage allows. */
  mimetypes?: string[];
  /** Bytes, or a string such as `"5mb"`; the storage's own limit applies too. */
  maxFileSize?: number | string | null;
}

/** A sender's verification request, answered without a run. */
export interface HandshakeConfig {
  type?: 'none' | 'slack' | 'meta' | null;
  /** meta: the verify token entered in the app's webhook settings */
  verifyToken?: string;
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

/** Outcomes of NocoBase executions a retry may follow; `rejected` and `canceled` are a designer's choice. */
export const RETRYABLE_OUTCOMES = ['failed', 'error', 'aborted'] as const;
export type RetryableOutcome = (typeof RETRYABLE_OUTCOMES)[number];

/** Runs a stored async delivery again when its run fails (off unless `attempts` > 1). */
export interface RetryConfig {
  /** Runs in all, the first included; default 1 (no retry). */
  attempts?: number | null;
  /** Seconds before the first retry, at least 1; default 30. */
  delay?: number | null;
  /** `exponential` doubles the wait each time (default); `fixed` keeps it. */
  backoff?: 'exponential' | 'fixed' | null;
  /** Seconds the wait never exceeds; default 3600. */
  maxDelay?: number | null;
  /** Which execution outcomes count as failures; default `failed` and `error`. */
  on?: RetryableOutcome[] | null;
}

/** Who is told, through NocoBase's notification manager, when deliveries fail. */
export interface AlertsConfig {
  /** User ids to notify. */
  users?: Array<number | string> | null;
  /** Role names whose users are notified. */
  roles?: string[] | null;
  /** Notification channels (names in the notification manager); default the in-app message channel. */
  channels?: string[] | null;
  /** Alert when a delivery gives up; default true when alerts are set. */
  onGiveUp?: boolean | null;
  /** Alert when more than `count` deliveries fail within `minutes` (at most once per window). */
  failures?: { count?: number | null; minutes?: number | null } | null;
}

export interface WebhookTriggerConfig {
  auth?: AuthConfig;
  request?: RequestRules;
  response?: ResponseConfig;
  timeout?: number | null;
  idempotency?: IdempotencyConfig | null;
  methods?: WebhookMethod[];
  signature?: SignatureConfig | null;
  limits?: LimitsConfig | null;
  cors?: CorsConfig | null;
  ipAllowlist?: string[] | null;
  rawBody?: boolean;
  handshake?: HandshakeConfig | null;
  events?: EventsConfig | null;
  eventType?: EventTypeConfig | null;
  retry?: RetryConfig | null;
  alerts?: AlertsConfig | null;
  uploads?: UploadsConfig | null;
  subscription?: SubscriptionConfig | null;
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
  /** Uploaded files of a multipart body. */
  files?: UploadedFile[];
  /** The body as received, when the trigger keeps it. */
  rawBody?: string;
  rawBodyEncoding?: 'utf8' | 'base64';
  /** One event of a delivery split by `events`, and its type. */
  event?: unknown;
  eventType?: string;
  /** Which run of the delivery this is (1, 2, …), when the trigger retries failed runs. */
  attempt?: number;
}

/** A file from a multipart body: its attachment record when the workflow stores uploads. */
export interface UploadedFile {
  field: string;
  filename: string;
  mimeType: string;
  size: number;
  attachmentId?: number | string;
  url?: string;
}

/** Where a delivery's event type comes from: `$context.eventType` for the whole delivery. */
export interface EventTypeConfig {
  header?: string;
  bodyPath?: string;
}

/** Where the sender's own delivery id comes from, and how long a repeat of it is recognised. */
export interface IdempotencyConfig {
  header?: string;
  bodyPath?: string;
  /** Seconds; default 86400. */
  ttl?: number | null;
}

/** The "Wait for callback" node's configuration. */
export interface CallbackNodeConfig {
  /** Methods the callback may use; default POST. */
  methods?: WebhookMethod[];
  auth?: AuthConfig;
  /** Seconds the run waits; none: until the callback comes. */
  timeout?: number | null;
  /** After the timeout: go on with `{ timedOut: true }` as the result, or fail the node (default). */
  onTimeout?: 'continue' | 'fail';
  /** The answer the callback's sender gets. */
  response?: ResponseConfig;
}

/** What a resumed "Wait for callback" node holds as its result. */
export interface CallbackResult {
  callbackUrl: string;
  timedOut?: boolean;
  request?: Pick<WebhookContext, 'method' | 'headers' | 'query' | 'body'>;
}

/** One call to the sender's API in a subscription's life. */
export interface SubscriptionStep {
  method?: string;
  url?: string;
  headers?: HeaderPair[];
  body?: unknown;
  /** What to keep from the answer, e.g. `{ "webhookId": "{{$response.body.id}}" }`. */
  state?: Record<string, string>;
  /** When the subscription must be renewed, e.g. `{{$response.body.expiresAt}}`. */
  nextRefreshAt?: string;
  /** refresh: seconds between renewals when no `nextRefreshAt` is known. */
  every?: number | null;
}

/** Registering the webhook with its sender when the workflow is enabled, renewing, removing. */
export interface SubscriptionConfig {
  subscribe?: SubscriptionStep | null;
  refresh?: SubscriptionStep | null;
  unsubscribe?: SubscriptionStep | null;
}
