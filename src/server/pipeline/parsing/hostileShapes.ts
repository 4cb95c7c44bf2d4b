import { WebhookRejection } from '../Delivery';
import { decodeUrlEncoded } from './percentEncoding';

/** Keys through which a later merge could reach `Object.prototype`. */
const POLLUTING_KEY = /(^|[.[\]&?])(__proto__|constructor\W*prototype)/;

/**
 * Refuses values that no sender needs and that hurt whoever reads them later: nesting deeper than
 * `maxDepth`, and `__proto__` or `constructor.prototype` keys. Walked without recursion, so a value
 * nested 10,000 levels deep cannot exhaust the stack here.
 */
export function refuseHostileShape(value: unknown, part: string, maxDepth: number): void {
  const stack: Array<{ value: unknown; depth: number; parentKey: string }> = [{ value, depth: 0, parentKey: '' }];
  while (stack.length) {
    const { value: current, depth, parentKey } = stack.pop()!;
    if (current == null || typeof current !== 'object') {
      continue;
    }
    if (depth >= maxDepth) {
      throw new WebhookRejection(400, `Request ${part} is nested deeper than ${maxDepth} levels`);
    }
    for (const key of Object.keys(current)) {
      if (key === '__proto__' || (key === 'prototype' && parentKey === 'constructor')) {
        throw new WebhookRejection(400, `Request ${part} contains the key "${key}", which is refused`);
      }
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1, parentKey: key });
    }
  }
}

/**
 * Refuses a query string or form body whose keys try `__proto__` or `constructor.prototype`, and
 * one that is not valid percent-encoding (which this check could not read).
 */
export function refusePollutingKeys(urlEncoded: string, part: 'query' | 'body'): void {
  if (POLLUTING_KEY.test(decodeUrlEncoded(urlEncoded, part))) {
    throw new WebhookRejection(
      400,
      `Request ${part} contains a __proto__ or constructor.prototype key, which is refused`,
    );
  }
}
