/**
 * Field paths as the designer writes them: dots between object keys, brackets around array
 * indexes (`order.id`, `items[0].sku`). Query parameters may also use brackets for keys
 * (`filter[status]`), as query strings do.
 */
export function splitFieldPath(path: string): string[] {
  const segments: string[] = [];
  for (const part of path.split('.')) {
    const match = part.match(/^([^[\]]*)((?:\[[^[\]]*\])*)$/);
    if (!match) {
      segments.push(part.trim());
      continue;
    }
    const [, head, brackets] = match;
    segments.push(head.trim());
    for (const inner of brackets.match(/\[([^[\]]*)\]/g) ?? []) {
      segments.push(inner.slice(1, -1).trim());
    }
  }
  return segments.filter((segment) => segment !== '');
}

/** Appends one segment to a path: array indexes in brackets, keys after a dot. */
export function appendSegment(path: string, segment: string | number): string {
  if (typeof segment === 'number') {
    return `${path}[${segment}]`;
  }
  return path ? `${path}.${segment}` : segment;
}

/**
 * What NocoBase's `{{…}}` templates accept inside one segment of a variable path. Keys with other
 * characters (non-ASCII letters, `:`, or a dot inside a header name) still arrive in the run's
 * context, but no variable can point at them.
 */
const TEMPLATE_SEGMENT = /^[A-Za-z0-9_\s\-+,@/()?=*$]+$/;

export function isTemplateSegment(segment: string): boolean {
  return TEMPLATE_SEGMENT.test(segment);
}

/** Whether every segment of a body or query path can be reached by a variable. */
export function isTemplatePath(path: string): boolean {
  const segments = splitFieldPath(path);
  return segments.length > 0 && segments.every(isTemplateSegment);
}
