/**
 * What an HTTP answer may carry, shared by the server (schemas, run time) and both clients' forms.
 */

/** Status codes an answer may have: 1xx are interim (Node would leave the sender waiting). */
export const MIN_ANSWER_STATUS = 200;
export const MAX_ANSWER_STATUS = 599;

/** RFC 9110 `token`: the characters a header name may have. */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function isValidHeaderName(name: unknown): boolean {
  return typeof name === 'string' && HEADER_NAME_PATTERN.test(name.trim());
}

/** A whole number within the answer range, or null. */
export function answerStatusOf(value: unknown): number | null {
  const status = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
  return typeof status === 'number' &&
    Number.isInteger(status) &&
    status >= MIN_ANSWER_STATUS &&
    status <= MAX_ANSWER_STATUS
    ? status
    : null;
}
