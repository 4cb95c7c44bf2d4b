import { isValidHeaderName } from '../../common/httpRules';
import type { Translate } from '../locale';

/** A form rule refusing what no header can be named; an empty value is left to `required`. */
export function headerNameRule(t: Translate) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      if (typeof value === 'string' && value.trim() && !isValidHeaderName(value)) {
        throw new Error(t("Letters, digits and !#$%&'*+.^_`|~- only, without spaces"));
      }
    },
  };
}
