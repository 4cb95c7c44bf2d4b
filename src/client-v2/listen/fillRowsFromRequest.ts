import type { FormInstance } from 'antd';
import { mergeFieldRules } from '../../common/mergeFieldRules';
import { keysFromRequest, type ListenedRequest } from '../../common/requestKeys';
import type { FieldRule } from '../../common/types';

const lowerCase = (key: string) => key.toLowerCase();

/**
 * Adds the header names, query parameter paths and body field paths of a request to the trigger's
 * rows, the way "Parse from a sample" adds a sample's; returns how many rows were new.
 */
export function fillRowsFromRequest(form: FormInstance, request: ListenedRequest): number {
  const keys = keysFromRequest(request);
  const lists: Array<[string[], string[], ((key: string) => string) | undefined]> = [
    [['config', 'request', 'headers'], keys.headers, lowerCase],
    [['config', 'request', 'query'], keys.query, undefined],
    [['config', 'request', 'body'], keys.body, undefined],
  ];
  let added = 0;
  for (const [name, listKeys, normalize] of lists) {
    const merged = mergeFieldRules(form.getFieldValue(name) as FieldRule[] | undefined, listKeys, normalize);
    if (merged.added) {
      form.setFieldValue(name, merged.rules);
      added += merged.added;
    }
  }
  return added;
}
