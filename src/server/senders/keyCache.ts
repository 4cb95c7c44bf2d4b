const CACHE_SIZE = 64;

/**
 * A key parser, remembered: every delivery of a workflow carries the same configured key, and
 * reading it (DER, PEM, a certificate) costs as much as the signature check itself. The oldest of
 * at most 64 keys is forgotten first. Parsers that throw are not remembered.
 */
export function rememberedKeys<T>(parse: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) {
      return cache.get(text) as T;
    }
    const key = parse(text);
    if (cache.size >= CACHE_SIZE) {
      cache.delete(cache.keys().next().value as string);
    }
    cache.set(text, key);
    return key;
  };
}
