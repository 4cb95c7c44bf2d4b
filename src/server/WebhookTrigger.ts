import Joi from 'joi';
import { BODY_SIZE_PATTERN, isAddressOrRange, isCorsOrigin } from '../common/accessRules';
import { HEADER_NAME_PATTERN } from '../common/httpRules';
import { isMimePattern } from '../common/uploadRules';
import type { Database, Transactionable } from '@nocobase/database';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import { Processor, Trigger, WorkflowModel } from '@nocobase/plugin-workflow';
import { TRIGGER_TYPE } from '../common/constants';
import type { WebhookContext } from '../common/types';
import {
  authSchema,
  headerPairsSchema,
  methodsSchema,
  rateLimitSchema,
  responseSchema,
  ruleString,
} from './schemas/configSchemas';
import { alertsSchema, retrySchema } from './schemas/retrySchemas';
import { signatureSchema } from './senders/signatureSchema';
import { parseQuery } from './pipeline/stages/parseRequest';
import type { RunScheduler } from './scheduling/RunScheduler';
import { findRecords } from './support/typedReads';

/** How long a local switch wins over what the database says (see `switchedAt`). */
const LOCAL_SWITCH_GRACE_MS = 10_000;

/** One call to the sender's API; the URL may be a template (`…/hooks/{{$state.webhookId}}`). */
const subscriptionStep = Joi.object({
  method: Joi.string().uppercase().valid('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  url: Joi.string()
    .trim()
    .pattern(/^(https?:\/\/|\{\{)/)
    .required(),
  headers: headerPairsSchema,
  body: Joi.any(),
  state: Joi.object().pattern(Joi.string(), Joi.string()),
  nextRefreshAt: Joi.string().allow(''),
}).unknown(true);

const fieldRules = Joi.array().items(
  Joi.object({ key: Joi.string().allow('').required(), alias: Joi.string().allow('', null) }).unknown(true),
);
function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text) {
      return {};
    }
    try {
      return asRecord(JSON.parse(text));
    } catch {
      return parseQuery(text.replace(/^.*?\?/, ''));
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function lowerCaseKeys(record: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) {
    result[name.toLowerCase()] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return result;
}

/**
 * "Webhook event": started by HTTP requests to `/api/webhook:trigger/<key>`. Nothing to subscribe
 * to, so on/off only keep an index from URL key to the enabled version for O(1) lookups.
 */
export default class WebhookTrigger extends Trigger {
  static TYPE = TRIGGER_TYPE;

  configSchema = Joi.object({
    auth: authSchema,
    methods: methodsSchema,
    signature: signatureSchema,
    limits: Joi.object({
      maxBodySize: Joi.alternatives(Joi.number().integer().positive(), Joi.string().pattern(BODY_SIZE_PATTERN)).allow(
        null,
        '',
      ),
      rateLimit: rateLimitSchema,
      refusedRateLimit: rateLimitSchema,
    })
      .unknown(true)
      .allow(null),
    cors: Joi.object({
      origins: Joi.array().items(ruleString(isCorsOrigin, 'a CORS origin such as https://app.example.com, or *')),
    })
      .unknown(true)
      .allow(null),
    ipAllowlist: Joi.array().items(ruleString(isAddressOrRange, 'an IPv4/IPv6 address or CIDR range')).allow(null),
    rawBody: Joi.boolean(),
    subscription: Joi.object({
      subscribe: subscriptionStep.allow(null),
      refresh: subscriptionStep.keys({ every: Joi.number().positive().allow(null) }).allow(null),
      unsubscribe: subscriptionStep.allow(null),
    })
      .unknown(true)
      .allow(null),
    eventType: Joi.object({ header: Joi.string().allow('', null), bodyPath: Joi.string().allow('', null) })
      .unknown(true)
      .allow(null),
    events: Joi.object({
      path: Joi.string().trim().required(),
      type: Joi.string().allow(''),
      filter: Joi.array().items(Joi.string()),
      id: Joi.string().allow(''),
    })
      .unknown(true)
      .allow(null),
    uploads: Joi.object({
      store: Joi.boolean(),
      mimetypes: Joi.array().items(ruleString(isMimePattern, 'a type such as image/png, or a pattern such as image/*')),
      maxFileSize: Joi.alternatives(Joi.number().integer().positive(), Joi.string().pattern(BODY_SIZE_PATTERN)).allow(
        null,
        '',
      ),
    })
      .unknown(true)
      .allow(null),
    handshake: Joi.object({
      type: Joi.string().valid('none', 'slack', 'meta').allow(null),
      verifyToken: Joi.when('type', { is: 'meta', then: Joi.string().required() }),
    })
      .unknown(true)
      .allow(null),
    request: Joi.object({ headers: fieldRules, query: fieldRules, body: fieldRules }).unknown(true),
    response: responseSchema,
    timeout: Joi.number().positive(),
    idempotency: Joi.object({
      header: Joi.string().allow('', null),
      bodyPath: Joi.string().allow('', null),
      ttl: Joi.number().integer().positive().allow(null),
    })
      .unknown(true)
      .allow(null),
    retry: retrySchema,
    alerts: alertsSchema,
  }).unknown(true);

  private readonly enabledByKey = new Map<string, WorkflowModel>();
  /** Counts local switches, so that a database read begun before one cannot undo it. */
  private switches = 0;
  /**
   * When each key was last switched here. The engine switches a workflow inside the transaction
   * that saves it, so a database read can still see the version before, until the commit: for a
   * little while after a local switch the read is not allowed to undo it.
   */
  private readonly switchedAt = new Map<string, number>();

  constructor(
    workflowPlugin: PluginWorkflowServer,
    private readonly scheduler: RunScheduler,
  ) {
    super(workflowPlugin);
  }

  on(workflow: WorkflowModel) {
    this.switches += 1;
    this.switchedAt.set(workflow.key, Date.now());
    this.enabledByKey.set(workflow.key, workflow);
  }

  off(workflow: WorkflowModel) {
    this.switches += 1;
    this.switchedAt.set(workflow.key, Date.now());
    // Versions share one key, and the engine switches the old version off when the new one is
    // enabled (in either order across processes): only forget the entry if it is this version.
    if (this.enabledByKey.get(workflow.key)?.id === workflow.id) {
      this.enabledByKey.delete(workflow.key);
    }
  }

  /**
   * Brings the key index in line with the database. Another app instance may enable, change or
   * disable a webhook workflow, and without a pub/sub adapter (the open-source default) this
   * process is not told: reading the enabled webhook workflows every few seconds is what keeps
   * every instance serving the same versions.
   */
  async syncWithDatabase(db: Database): Promise<void> {
    const startedAt = this.switches;
    const enabled = await findRecords<WorkflowModel>(db, 'workflows', {
      filter: { type: TRIGGER_TYPE, enabled: true },
    });
    if (this.switches !== startedAt) {
      return;
    }
    const fresh = new Map(enabled.map((workflow) => [workflow.key, workflow]));
    const now = Date.now();
    for (const [key, at] of this.switchedAt) {
      if (now - at < LOCAL_SWITCH_GRACE_MS) {
        // Switched here a moment ago: this process knows better than a read that may predate the commit.
        fresh.delete(key);
      } else {
        this.switchedAt.delete(key);
      }
    }
    for (const [key, current] of this.enabledByKey) {
      if (this.switchedAt.has(key)) {
        continue;
      }
      const next = fresh.get(key);
      if (!next) {
        this.enabledByKey.delete(key);
      } else if (next.id !== current.id || String(next.get('updatedAt')) !== String(current.get('updatedAt'))) {
        this.enabledByKey.set(key, next);
      }
      fresh.delete(key);
    }
    for (const [key, workflow] of fresh) {
      this.enabledByKey.set(key, workflow);
    }
  }

  findEnabled(key: string): WorkflowModel | undefined {
    const workflow = this.enabledByKey.get(key);
    return workflow?.enabled ? workflow : undefined;
  }

  validateContext(): null {
    // Every part of a sample request is optional, as it is for a real one.
    return null;
  }

  /** Manual "Execute" from the designer: a pasted sample request runs like a real one. */
  async execute(workflow: WorkflowModel, values: Record<string, unknown>, options: Transactionable) {
    const sample = values ?? {};
    const context: WebhookContext = {
      method: typeof sample.method === 'string' ? sample.method.toUpperCase() : 'POST',
      headers: lowerCaseKeys(asRecord(sample.headers)),
      query: asRecord(sample.query),
      body: typeof sample.body === 'string' ? asBody(sample.body) : (sample.body ?? null),
    };
    return this.scheduler.runSync(
      () => this.workflow.trigger(workflow, context, { ...options, manually: true }) as Promise<Processor | null>,
    );
  }
}

function asBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
