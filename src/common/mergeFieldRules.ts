import type { FieldRule } from './types';

/**
 * Adds parsed keys to the rows a designer already has: existing rows (and their aliases) stay
 * as they are, keys already listed are not added twice.
 */
export function mergeFieldRules(
  existing: FieldRule[] | undefined,
  keys: string[],
): { rules: FieldRule[]; added: number } {
  const rules = [...(existing ?? [])];
  const known = new Set(rules.map((rule) => (rule?.key ?? '').trim()).filter(Boolean));
  let added = 0;
  for (const key of keys) {
    const trimmed = key.trim();
    if (trimmed && !known.has(trimmed)) {
      known.add(trimmed);
      rules.push({ key: trimmed });
      added += 1;
    }
  }
  return { rules, added };
}
