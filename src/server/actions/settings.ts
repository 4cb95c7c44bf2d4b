import type { Context } from '@nocobase/actions';
import { parseRetentionUpdate, RetentionSettingsView, StoredRetention } from '../../common/retentionLimits';
import { configuredPublicOrigin } from '../http/publicUrl';
import { retentionFromEnv } from '../inbox/retention';
import type { RetentionStore } from '../settings/RetentionStore';

function view(stored: StoredRetention): RetentionSettingsView {
  return { ...stored, fallback: retentionFromEnv(), publicOrigin: configuredPublicOrigin() };
}

/** `webhookSettings:get`. */
export function getSettings(store: RetentionStore) {
  return async (ctx: Context) => {
    ctx.body = view(await store.stored());
  };
}

/**
 * `webhookSettings:put` with `values` (like NocoBase's `systemSettings:put`: the settings are one
 * row, so there is no `filterByTk` to name, which NocoBase's `update` requires). Checked first, so a
 * bad limit is a 400 that says which.
 */
export function updateSettings(store: RetentionStore) {
  return async (ctx: Context) => {
    const update = parseRetentionUpdate((ctx.action.params as { values?: unknown }).values);
    if (!update.ok) {
      ctx.throw(400, update.message);
    }
    ctx.body = view(await store.save(update.values));
  };
}

/** The other actions a collection resource has: the settings are one row, edited only through `put`. */
export function notSupported() {
  return async (ctx: Context) => {
    ctx.throw(405, 'The webhook settings are read with webhookSettings:get and changed with webhookSettings:put');
  };
}
