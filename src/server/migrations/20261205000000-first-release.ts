import { Migration } from '@nocobase/server';
import {
  CALLBACK_KEYS_COLLECTION,
  DELIVERIES_COLLECTION,
  LISTENERS_COLLECTION,
  SETTINGS_COLLECTION,
  SUBSCRIPTIONS_COLLECTION,
} from '../constants';

/**
 * 0.1.0 is the plugin's first release: no installation has tables or workflow configuration from
 * before it, so there is nothing to convert. This migration only says so in the log, once, at the
 * first `upgrade` that finds the plugin; its test proves that NocoBase finds and runs this folder.
 */
export default class FirstRelease extends Migration {
  on = 'afterLoad';
  /** The NocoBase the first release is built for. */
  appVersion = '<2.3.0';

  async up() {
    const tables = [
      DELIVERIES_COLLECTION,
      LISTENERS_COLLECTION,
      SUBSCRIPTIONS_COLLECTION,
      SETTINGS_COLLECTION,
      CALLBACK_KEYS_COLLECTION,
    ];
    this.app.logger.info(`[webhook] migrations: ${tables.join(', ')} are as the first release made them`);
  }
}
