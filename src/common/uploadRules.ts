/**
 * What the "Uploaded files" settings accept, checked in the designer and again by the server.
 * Types are matched the way NocoBase's file manager matches its storages' rules: `image/*` takes
 * every image type, `*` every type.
 */

const TOKEN = '[a-z0-9!#$&^_.+-]+';
const MIME_PATTERN = new RegExp(`^(\\*|\\*/\\*|${TOKEN}/(\\*|${TOKEN}))$`, 'i');

/** A MIME type (`application/pdf`) or a pattern over one (`image/*`, `*`). */
export function isMimePattern(value: unknown): boolean {
  return typeof value === 'string' && MIME_PATTERN.test(value.trim());
}
