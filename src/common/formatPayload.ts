/**
 * A request part as readable text: objects and arrays as indented JSON, a string that holds JSON
 * re-indented, any other string as it is.
 */
export function formatPayload(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^[[{]/.test(trimmed)) {
      try {
        return JSON.stringify(JSON.parse(trimmed), null, 2);
      } catch {
        // text that only looks like JSON (a truncated or malformed body): shown as received
      }
    }
    return value;
  }
  if (typeof value === 'object') {
    return JSON.stringify(value, null, 2);
  }
  return String(value);
}

/** Whether a request part has anything to show (`{}`, `[]`, `''` and null have not). */
export function hasPayload(value: unknown): boolean {
  if (value === undefined || value === null || value === '') {
    return false;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  if (typeof value === 'object') {
    return Object.keys(value).length > 0;
  }
  return true;
}
