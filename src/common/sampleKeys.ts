import { appendSegment } from './fieldPath';

export type SampleKeys = { ok: true; keys: string[] } | { ok: false; error: SampleError };

/** Why a sample could not be read; the UI turns each into a translated message. */
export type SampleError = 'empty' | 'invalid-json' | 'invalid-url';

/** Deep samples are cut here: a designer picks fields by hand, not thousands of them. */
const MAX_DEPTH = 8;
const MAX_KEYS = 500;

/**
 * Every field path of a JSON sample: `{"a":1,"b":{"c":2}}` gives `a`, `b`, `b.c`; an array
 * contributes its first element as `items[0]`, `items[0].sku`.
 */
export function keysFromJsonSample(text: string): SampleKeys {
  if (!text.trim()) {
    return { ok: false, error: 'empty' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'invalid-json' };
  }
  return { ok: true, keys: keysOfJsonValue(value) };
}

/** Every field path of a parsed value, as `keysFromJsonSample` lists them for a pasted one. */
export function keysOfJsonValue(value: unknown): string[] {
  const keys: string[] = [];
  collectJsonKeys(value, '', 0, keys);
  return keys;
}

function collectJsonKeys(value: unknown, path: string, depth: number, keys: string[]) {
  if (depth >= MAX_DEPTH || keys.length >= MAX_KEYS || value === null || typeof value !== 'object') {
    return;
  }
  if (Array.isArray(value)) {
    if (value.length) {
      const itemPath = appendSegment(path, 0);
      keys.push(itemPath);
      collectJsonKeys(value[0], itemPath, depth + 1, keys);
    }
    return;
  }
  for (const [name, child] of Object.entries(value)) {
    if (keys.length >= MAX_KEYS) {
      return;
    }
    const childPath = appendSegment(path, name);
    keys.push(childPath);
    collectJsonKeys(child, childPath, depth + 1, keys);
  }
}

/**
 * Every parameter path of a full URL, a `?query` or a bare query string: `?a[b]=1&c=2` gives
 * `a`, `a.b`, `c`; `a[0]=x` gives `a`, `a[0]`; `a[]=x` gives `a`.
 */
export function keysFromQuerySample(text: string): SampleKeys {
  const input = text.trim();
  if (!input) {
    return { ok: false, error: 'empty' };
  }
  const query = extractQuery(input);
  if (query === null) {
    return { ok: false, error: 'invalid-url' };
  }
  const keys: string[] = [];
  for (const name of new URLSearchParams(query).keys()) {
    let path = '';
    for (const segment of bracketSegments(name)) {
      path = /^\d+$/.test(segment) && path ? appendSegment(path, Number(segment)) : appendSegment(path, segment);
      pushUnique(keys, path);
    }
  }
  if (!keys.length) {
    return { ok: false, error: 'invalid-url' };
  }
  return { ok: true, keys };
}

function extractQuery(input: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    try {
      return new URL(input).search.replace(/^\?/, '');
    } catch {
      return null;
    }
  }
  const question = input.indexOf('?');
  const query = (question >= 0 ? input.slice(question + 1) : input).replace(/#.*$/, '');
  if (question < 0 && !query.includes('=')) {
    // Neither a URL nor `name=value` pairs: most likely pasted by mistake.
    return null;
  }
  return query;
}

/** `a[b][0]` → `a`, `b`, `0`; dots stay inside a name, as the server's query parser keeps them. */
function bracketSegments(name: string): string[] {
  const [head, ...rest] = name.split('[');
  return [head, ...rest.map((part) => part.replace(/\].*$/, ''))].map((part) => part.trim()).filter(Boolean);
}

function pushUnique(keys: string[], key: string) {
  if (!keys.includes(key)) {
    keys.push(key);
  }
}
