/** `{{$env.NAME}}`, with the spaces NocoBase's templates allow inside the braces. */
const ENV_REFERENCE = /\{\{\s*\$env\.(\w+)\s*\}\}/g;

export type Redact = (text: string) => string;

/** The names of the variables a template (a string, or any JSON holding strings) reads as `{{$env.NAME}}`. */
export function envReferences(template: unknown): string[] {
  const names = new Set<string>();
  for (const match of JSON.stringify(template ?? null).matchAll(ENV_REFERENCE)) {
    names.add(match[1]);
  }
  return [...names];
}

/** The forms a value takes once it is put into a URL or a JSON text, where a sender's answer may echo it. */
function spellings(value: string): string[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1)]);
  try {
    forms.add(encodeURIComponent(value));
    forms.add(encodeURI(value));
  } catch {
    // A lone surrogate cannot be percent-encoded: it cannot appear in a URL in that form either.
  }
  return [...forms];
}

/**
 * Turns every value the template resolved from `{{$env.…}}` back into its reference, wherever it
 * appears in a text: a call to a sender is described in refusals, the history, the subscription's
 * `lastError` and the logs, which people read who may not read NocoBase's secrets. Only the
 * variables the template names are looked for, the longest first (one value may contain another).
 */
export function secretRedactor(template: unknown, variables: Record<string, unknown>): Redact {
  const references = new Map<string, string>();
  for (const name of envReferences(template)) {
    const value = variables?.[name];
    if (value == null || String(value) === '') {
      continue;
    }
    for (const spelling of spellings(String(value))) {
      references.set(spelling, `{{$env.${name}}}`);
    }
  }
  if (!references.size) {
    return (text) => text;
  }
  // One pass, longest first: a reference put in is never searched again.
  const pattern = new RegExp(
    [...references.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return (text) => text.replace(pattern, (spelling) => references.get(spelling) ?? spelling);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
