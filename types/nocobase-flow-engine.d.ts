/**
 * The part of @nocobase/flow-engine this plugin uses (not installable here: not served by the
 * registry). At run time the NocoBase page provides the real module.
 */
export interface FlowEngineContext {
  t(key: string, options?: Record<string, unknown>): string;
  api: {
    request<T = unknown>(config: Record<string, unknown>): Promise<{ data: T }>;
    /** The axios instance behind the API client; its `baseURL` is the API base path (`/api/`). */
    axios: { defaults: { baseURL?: string } };
  };
}

export interface FlowEngine {
  context: FlowEngineContext;
}

export declare function useFlowEngine(): FlowEngine;

/** A node of a variable picker tree (enough of it to pass trees around). */
export interface MetaTreeNode {
  name: string;
  title: string;
  type: string;
  paths: string[];
  children?: MetaTreeNode[] | (() => Promise<MetaTreeNode[]>);
  disabled?: boolean;
}
