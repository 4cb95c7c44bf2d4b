import { NAMESPACE } from '../common/constants';

export { NAMESPACE };

/** A `{{t(...)}}` expression NocoBase compiles with this plugin's namespace. */
export function tExpr(key: string) {
  return `{{t(${JSON.stringify(key)}, { ns: ${JSON.stringify(NAMESPACE)} })}}`;
}
