import { buildAddressList, clientAddressOf, listHas } from '../parsing/clientAddress';
import { Guard, Resolved, WebhookRejection } from '../Delivery';

/**
 * Only callers from the workflow's `ipAllowlist` (IPv4/IPv6 addresses and CIDR ranges) may
 * deliver; others get 403. Behind a reverse proxy, list the proxy in `WEBHOOK_TRUSTED_PROXIES`
 * so that the caller's address is read from `X-Forwarded-For`.
 */
export function guardClientAddress(): Guard<Resolved> {
  // Built once per configuration: a saved workflow comes with a new config object.
  const built = new WeakMap<string[], ReturnType<typeof buildAddressList>>();
  return (delivery) => {
    const entries = delivery.config.ipAllowlist;
    if (!Array.isArray(entries) || entries.length === 0) {
      return;
    }
    let allowlist = built.get(entries);
    if (!allowlist) {
      allowlist = buildAddressList(entries);
      built.set(entries, allowlist);
      if (allowlist.invalid.length) {
        delivery.logger.warn(
          `[webhook] workflow ${delivery.workflow.id}: ignored IP allow-list entries ${allowlist.invalid.join(', ')}`,
        );
      }
    }
    if (!listHas(allowlist.list, clientAddressOf(delivery.ctx))) {
      throw new WebhookRejection(403, 'Requests from this address are not allowed');
    }
  };
}
