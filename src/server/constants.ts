import { SETTINGS_RESOURCE } from '../common/settings';

/**
 * The names of the plugin's collections (their definitions are in `collections/`, loaded by
 * NocoBase). Table names follow them: renaming one is a migration.
 */
export const DELIVERIES_COLLECTION = 'webhookDeliveries';
export const LISTENERS_COLLECTION = 'webhookListeners';
export const SUBSCRIPTIONS_COLLECTION = 'webhookSubscriptions';
export const SETTINGS_COLLECTION = SETTINGS_RESOURCE;
export const CALLBACK_KEYS_COLLECTION = 'webhookCallbackKeys';
export const ALERTS_COLLECTION = 'webhookAlerts';
