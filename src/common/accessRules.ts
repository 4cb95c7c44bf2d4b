/**
 * What the access settings accept, checked in the designer before the server sees them. The rules
 * follow what the server does with each entry, so that the form refuses what would never match.
 */

const IPV4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6_GROUP = /^[0-9a-f]{1,4}$/i;

/** Dotted-quad IPv4, without leading zeros (as Node's `net.isIP` reads it). */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => IPV4_PART.test(part));
}

/** IPv6 in any of its textual forms (`::`, an embedded IPv4 tail); zone ids are not addresses a peer has. */
export function isIPv6(text: string): boolean {
  let groups = text;
  if (groups.includes('.')) {
    const lastColon = groups.lastIndexOf(':');
    if (lastColon < 0 || !isIPv4(groups.slice(lastColon + 1))) {
      return false;
    }
    // The IPv4 tail takes the room of two groups.
    groups = `${groups.slice(0, lastColon + 1)}0:0`;
  }
  const halves = groups.split('::');
  if (halves.length > 2) {
    return false;
  }
  const split = (half: string) => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(split);
  if (!all.every((group) => IPV6_GROUP.test(group))) {
    return false;
  }
  return halves.length === 2 ? all.length <= 7 : all.length === 8;
}

/** A single IPv4/IPv6 address or a CIDR range such as `203.0.113.0/24` or `2001:db8::/32`. */
export function isAddressOrRange(entry: unknown): boolean {
  if (typeof entry !== 'string') {
    return false;
  }
  const [address, prefix, ...rest] = entry.trim().split('/');
  if (rest.length) {
    return false;
  }
  const v4 = isIPv4(address);
  if (!v4 && !isIPv6(address)) {
    return false;
  }
  if (prefix === undefined) {
    return true;
  }
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}

/**
 * A CORS origin as browsers send it (`https://app.example.com`, `http://localhost:3000`: scheme,
 * lower-case host, port only when not the default), or `*` for any origin.
 */
export function isCorsOrigin(entry: unknown): boolean {
  if (typeof entry !== 'string') {
    return false;
  }
  const text = entry.trim().replace(/\/$/, '');
  if (text === '*') {
    return true;
  }
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text;
  } catch {
    return false;
  }
}

/** A body size as bytes (`1048576`) or with a unit (`512kb`, `2mb`, `1.5gb`). */
export const BODY_SIZE_PATTERN = /^\s*\d+(\.\d+)?\s*(b|kb|mb|gb)?\s*$/i;

export function isBodySize(value: unknown): boolean {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0;
  }
  return typeof value === 'string' && BODY_SIZE_PATTERN.test(value) && parseFloat(value) > 0;
}
