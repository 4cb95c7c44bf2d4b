import { WebhookRejection } from '../Delivery';

/**
 * A query string or form body with every escape decoded (`+` is a space), or a 400 when an escape
 * is not valid percent-encoding (`%ZZ`, a lone `%`, bytes that are not UTF-8). Refused rather than
 * read leniently: the `__proto__` check reads the decoded text, and a text that cannot be decoded
 * as a whole would let an encoded `__proto__` beside the bad escape slip past it.
 */
export function decodeUrlEncoded(text: string, part: 'query' | 'body'): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new WebhookRejection(
      400,
      part === 'query' ? 'Query string is not valid percent-encoding' : 'Form body is not valid percent-encoding',
    );
  }
}
