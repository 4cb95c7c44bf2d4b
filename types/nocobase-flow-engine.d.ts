/**
 * The part of @nocobase/flow-engine this plugin uses. The package is not published to the registry
 * this project installs from, so it has no declarations here; at run time the NocoBase page (v1 and
 * v2 alike) provides the real module. Only what the plugin calls is declared, as NocoBase 2.2 has it.
 */

/** A node of a variable picker tree; a picked node is written as `{{<paths joined with dots>}}`. */
export interface MetaTreeNode {
  name: string;
  title: string;
  type: string;
  paths: string[];
  children?: MetaTreeNode[] | (() => Promise<MetaTreeNode[]>);
  disabled?: boolean | (() => boolean);
}

/** Parameters of a resource action: `filter` is sent as JSON, `values` as the body of a non-GET action. */
export interface ResourceActionParams {
  filter?: object;
  filterByTk?: number | string;
  values?: unknown;
  [param: string]: unknown;
}

/**
 * `api.resource(name)`: every action is a method; `list` and `get` are sent as GET, the others as
 * POST. The promise is the axios response, whose `data` is NocoBase's body (`{ data, meta }`).
 */
export interface APIResource {
  [action: string]: <Body = unknown>(params?: ResourceActionParams) => Promise<{ data: Body }>;
}

export interface APIClient {
  resource(name: string): APIResource;
  /** The axios instance behind the client; its `baseURL` is the API base path (`/api/`). */
  axios: { defaults: { baseURL?: string } };
}

export interface FlowEngineContext {
  api: APIClient;
  /** Translates a key, or compiles a `{{t("…")}}` template. */
  t(key: string, options?: Record<string, unknown>): string;
  /** The global variables registered on the context (`$env` among them), as picker nodes. */
  getPropertyMetaTree?(): MetaTreeNode[];
  /** `app:getInfo`, read once; the client's host check names the version from it. */
  readonly appInfo?: Promise<{ version?: string }>;
}

export interface FlowEngine {
  context: FlowEngineContext;
}

export declare function useFlowEngine(): FlowEngine;

/** The nearest flow context; inside `FlowEngineProvider` at least the engine's own. */
export declare function useFlowContext<T = FlowEngineContext>(): T;

/** A `{{t("…", options)}}` template, compiled where it is shown. */
export declare function tExpr(text: string, options?: Record<string, unknown>): string;
