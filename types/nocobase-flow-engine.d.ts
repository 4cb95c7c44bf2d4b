/**
 * The part of @nocobase/flow-engine this plugin uses (not installable here: not served by the
 * registry). At run time the NocoBase page provides the real module.
 */
export interface FlowEngineContext {
  t(key: string, options?: Record<string, unknown>): string;
  api: { request<T = unknown>(config: Record<string, unknown>): Promise<{ data: T }> };
}

export interface FlowEngine {
  context: FlowEngineContext;
}

export declare function useFlowEngine(): FlowEngine;
