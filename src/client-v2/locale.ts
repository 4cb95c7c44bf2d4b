import { useFlowEngine } from '@nocobase/flow-engine';
import { useMemo } from 'react';
import { NAMESPACE } from '../common/constants';

export { NAMESPACE };

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A `{{t(...)}}` expression NocoBase compiles with this plugin's namespace. */
export function tExpr(key: string) {
  return `{{t(${JSON.stringify(key)}, { ns: ${JSON.stringify(NAMESPACE)} })}}`;
}

/** Translates with this plugin's namespace, in either client. */
export function useT(): Translate {
  const engine = useFlowEngine();
  return useMemo(() => (key, options) => engine.context.t(key, { ns: NAMESPACE, ...options }), [engine]);
}
