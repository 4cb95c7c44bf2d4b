import type { Context } from '@nocobase/actions';
import { BlockList, isIP } from 'net';

const IPV4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** `::ffff:203.0.113.7` (how a dual-stack socket reports an IPv4 caller) is that IPv4 address. */
export function plainAddress(address: string): string {
  const mapped = IPV4_MAPPED.exec(address.trim());
  return mapped ? mapped[1] : address.trim();
}

/** An address list of single addresses and CIDR ranges; entries that are neither come back apart. */
export function buildAddressList(entries: string[]): { list: BlockList; invalid: string[] } {
  const list = new BlockList();
  const invalid: string[] = [];
  for (const entry of entries) {
    const [address, prefix, ...rest] = plainAddress(String(entry)).split('/');
    const family = isIP(address);
    // Digits only: `Number('')` is 0, and `10.0.0.0/` must not become `/0`, which admits everyone.
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (!family || rest.length || (bits != null && !(Number.isInteger(bits) && bits <= (family === 6 ? 128 : 32)))) {
      invalid.push(String(entry));
    } else if (bits == null) {
      list.addAddress(address, type);
    } else {
      list.addSubnet(address, bits, type);
    }
  }
  return { list, invalid };
}

export function listHas(list: BlockList, address: string): boolean {
  const plain = plainAddress(address);
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

let trusted: { source: string; list: BlockList | null } | null = null;

/**
 * Reverse proxies whose `X-Forwarded-For` is believed (`WEBHOOK_TRUSTED_PROXIES`, comma-separated),
 * or null when there are none, the usual case, which then costs no address lookup per request.
 */
function trustedProxies(): BlockList | null {
  const source = process.env.WEBHOOK_TRUSTED_PROXIES ?? '';
  if (trusted?.source !== source) {
    const entries = source
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    trusted = { source, list: entries.length ? buildAddressList(entries).list : null };
  }
  return trusted.list;
}

/** Whether the request came through a reverse proxy listed in `WEBHOOK_TRUSTED_PROXIES`. */
export function fromTrustedProxy(ctx: Context): boolean {
  const proxies = trustedProxies();
  return Boolean(proxies && listHas(proxies, plainAddress(ctx.req.socket.remoteAddress ?? '')));
}

/**
 * The caller's address: the socket's peer, unless that peer is a trusted proxy, in which case the
 * nearest `X-Forwarded-For` hop that is not itself a trusted proxy. Anyone can write that header,
 * so it is never read from an untrusted peer (NocoBase's own client-IP middleware takes its first
 * entry as is, which would let any caller pass an allow-list).
 */
export function clientAddressOf(ctx: Context): string {
  const proxies = trustedProxies();
  const peer = plainAddress(ctx.req.socket.remoteAddress ?? '');
  if (!proxies || !listHas(proxies, peer)) {
    return peer;
  }
  const hops = ctx
    .get('x-forwarded-for')
    .split(',')
    .map((hop) => plainAddress(hop))
    .filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    if (!listHas(proxies, hops[index])) {
      return hops[index];
    }
  }
  return hops[0] ?? peer;
}
