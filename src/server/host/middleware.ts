import type { Application } from '@nocobase/server';
import type { Context, Next } from '@nocobase/actions';
import { HostCheck, HostReport, reportHostCheck } from './hostCheck';

/**
 * The only module that knows the names of NocoBase's middleware and other plugins'. A delivery
 * needs none of them: request/response logging (the endpoint writes one compact line of its own),
 * audit, session token, i18n, error pages (the pipeline answers every error itself), body parsing
 * (it reads the raw bytes), CORS, data sources, ACL and the resourcer, nor the preset plugins'
 * guards for their own routes. Untagged middleware (topo cannot order anything before those) still
 * runs first; it is cheap.
 */
const NOCOBASE_MIDDLEWARE = [
  'audit',
  'logger',
  'i18n',
  'extractClientIp',
  'bodyParser',
  'cors',
  'dataWrapping',
  'dataSource',
];
const PLUGIN_MIDDLEWARE = [
  'errorHandler',
  'idp-oauth-resource-auth',
  'idp-oauth-interaction',
  'flow-surfaces-write-body-errors',
  'mcp-oauth-protected-resource',
  'mcp-unauthorized-response',
];
/** Those a NocoBase app always registers: a version without them has renamed them. */
const ALWAYS_REGISTERED = ['logger', 'cors', 'dataSource'];

type Middleware = (ctx: Context, next: Next) => Promise<unknown>;

/** Adds a middleware right after NocoBase's request id and ahead of everything above. */
export function placeAheadOfNocoBase(app: Application, middleware: Middleware, tag: string, after: string[] = []) {
  app.use(middleware, {
    tag,
    after: ['generateReqId', ...after],
    before: [...NOCOBASE_MIDDLEWARE, ...PLUGIN_MIDDLEWARE],
  });
}

interface TopoItem {
  group: string;
  node: unknown;
}

/**
 * Whether the middleware tagged `tag` really runs before NocoBase's own, read from the app's sorted
 * middleware list (`@hapi/topo`'s groups, which it does not document). Checked after start, when
 * every plugin has added its middleware.
 */
export function checkMiddlewareOrder(app: Application, tag: string): HostCheck {
  const sorter = app.middleware as unknown as { _items?: TopoItem[]; nodes?: unknown[] };
  if (!Array.isArray(sorter._items) || !Array.isArray(sorter.nodes)) {
    return { ok: false, problem: "the app's middleware list no longer exposes its groups" };
  }
  const { _items: items, nodes } = sorter;
  const position = (group: string) => {
    const item = items.find((candidate) => candidate.group === group);
    return item ? nodes.indexOf(item.node) : -1;
  };
  const ours = position(tag);
  if (ours < 0) {
    return { ok: false, problem: `no middleware tagged "${tag}" is in the app's list` };
  }
  const renamed = ALWAYS_REGISTERED.filter((group) => position(group) < 0);
  if (renamed.length) {
    return { ok: false, problem: `no middleware tagged ${renamed.map((group) => `"${group}"`).join(', ')} (renamed?)` };
  }
  const ahead = NOCOBASE_MIDDLEWARE.filter((group) => {
    const at = position(group);
    return at >= 0 && at < ours;
  });
  return ahead.length ? { ok: false, problem: `${ahead.join(', ')} run before "${tag}"` } : { ok: true };
}

/** Logs one clear error for each endpoint that does not run ahead of NocoBase's middleware. */
export function reportMiddlewareOrder(app: Application, tags: string[], report: HostReport) {
  for (const tag of tags) {
    reportHostCheck(
      report,
      'middleware order',
      checkMiddlewareOrder(app, tag),
      'deliveries still work (a body NocoBase already parsed is read from what it kept), but pass through the middleware named',
    );
  }
}
