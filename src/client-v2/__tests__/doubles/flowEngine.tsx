/**
 * TEST DOUBLE of @nocobase/flow-engine (see README.md here). Not the real module: the page provides
 * that one. `api` answers each `resource(name).action(params)` from a handler a test registers with
 * `api.on('<resource>:<action>', handler)` and records every call; `t` interpolates `{{name}}` and
 * compiles `{{t("…")}}` templates to their key.
 */
import type { MetaTreeNode, ResourceActionParams } from '@nocobase/flow-engine';

type Handler = (params: ResourceActionParams | undefined) => unknown;

export interface ApiCall {
  resource: string;
  action: string;
  params?: ResourceActionParams;
}

export class FakeApi {
  readonly calls: ApiCall[] = [];
  readonly axios = { defaults: { baseURL: '/api/' } };
  private handlers = new Map<string, Handler>();

  /** Answers `<resource>:<action>` with what `handler` returns (the body, `{ data, meta }`), or throws. */
  on(resourceAction: string, handler: Handler) {
    this.handlers.set(resourceAction, handler);
    return this;
  }

  reset() {
    this.calls.length = 0;
    this.handlers.clear();
  }

  callsOf(resourceAction: string) {
    return this.calls.filter((call) => `${call.resource}:${call.action}` === resourceAction);
  }

  resource(name: string) {
    return new Proxy(
      {},
      {
        get: (_target, action) => async (params?: ResourceActionParams) => {
          this.calls.push({ resource: name, action: String(action), params });
          const handler = this.handlers.get(`${name}:${String(action)}`);
          if (!handler) {
            throw new Error(`no answer for ${name}:${String(action)}`);
          }
          return { data: await handler(params) };
        },
      },
    );
  }
}

export const api = new FakeApi();

export function translate(key: string, options?: Record<string, unknown>): string {
  const compiled = key.replace(/^\{\{\s*t\(\s*("(?:[^"\\]|\\.)*")[\s\S]*\)\s*\}\}$/, (_all, text: string) =>
    JSON.parse(text),
  );
  return compiled.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, name: string) =>
    options && name in options ? String(options[name]) : all,
  );
}

/** What `getPropertyMetaTree()` lists: tests put NocoBase's `$env` here. */
export const propertyMetaTree: MetaTreeNode[] = [];

const context = { api, t: translate, getPropertyMetaTree: () => propertyMetaTree };
const engine = { context };

export function useFlowEngine() {
  return engine;
}

export function useFlowContext() {
  return context;
}

export function tExpr(text: string, options?: Record<string, unknown>) {
  return options ? `{{t(${JSON.stringify(text)}, ${JSON.stringify(options)})}}` : `{{t(${JSON.stringify(text)})}}`;
}
