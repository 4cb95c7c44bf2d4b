import type { FieldRule } from './types';

/**
 * Adds parsed keys to the rows a designer already has: existing rows (and their aliases) stay
 * as they are, keys already listed are not added twice. `normalize` says which keys are the same
 * (header names are compared lower-cased, as the server keeps them).
 */
export function mergeFieldRules(
  existing: FieldRule[] | undefined,
  keys: string[],
  normalize: (key: string) => string = (key) => key,
): { rules: FieldRule[]; added: number } {
  const rules = [...(existing ?? [])];
  const known = new Set(rules.map((rule) => normalize((rule?.key ?? '').trim())).filter(Boolean));
  let added = 0;
  for (const key of keys) {
    const trimmed = key.trim();
    if (trimmed && !known.has(normalize(trimmed))) {
      known.add(normalize(trimmed));
      rules.push({ key: trimmed });
      added += 1;
    }
  }
  return { rules, added };
}
