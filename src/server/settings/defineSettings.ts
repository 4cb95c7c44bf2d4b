import type { Application } from '@nocobase/server';
import { SETTINGS_RESOURCE, SETTINGS_SNIPPET } from '../../common/settings';
import { getSettings, notSupported, updateSettings } from '../actions/settings';
import type { RetentionStore } from './RetentionStore';

/**
 * `webhookSettings:get` and `:put`, allowed to the roles that may manage this plugin's settings
 * (its `pm.workflow-webhook` snippet, which NocoBase's admin role has through `pm.*`).
 */
export function defineSettings(app: Application, store: RetentionStore) {
  type Handlers = Parameters<typeof app.resourceManager.registerActionHandlers>[0];
  const refused = notSupported();
  app.resourceManager.registerActionHandlers(<Handlers>(<unknown>{
    [`${SETTINGS_RESOURCE}:get`]: getSettings(store),
    [`${SETTINGS_RESOURCE}:put`]: updateSettings(store),
    ...Object.fromEntries(
      ['list', 'create', 'update', 'destroy', 'firstOrCreate', 'updateOrCreate'].map((action) => [
        `${SETTINGS_RESOURCE}:${action}`,
        refused,
      ]),
    ),
  }));
  app.acl.registerSnippet({
    name: SETTINGS_SNIPPET,
    actions: [`${SETTINGS_RESOURCE}:get`, `${SETTINGS_RESOURCE}:put`],
  });
}
