import { tExpr as flowTExpr, useFlowEngine } from '@nocobase/flow-engine';
import { useMemo } from 'react';
import { NAMESPACE } from '../common/constants';

export { NAMESPACE };

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Keys missing from this plugin's locale fall back to NocoBase's own (`client`). */
const NS_OPTIONS = { ns: [NAMESPACE, 'client'], nsMode: 'fallback' };

/** A `{{t(...)}}` template NocoBase compiles where it shows it (titles, descriptions, menu entries). */
export function tExpr(key: string, options?: Record<string, unknown>) {
  return flowTExpr(key, { ...NS_OPTIONS, ...options });
}

/** Translates with this plugin's namespace, in either client; also compiles `{{t(...)}}` templates. */
export function useT(): Translate {
  const engine = useFlowEngine();
  return useMemo(() => (key, options) => engine.context.t(key, { ...NS_OPTIONS, ...options }), [engine]);
}
