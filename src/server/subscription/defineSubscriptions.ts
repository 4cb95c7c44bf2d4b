import type { Application } from '@nocobase/server';
import { WEBHOOK_ACTION } from '../../common/constants';
import { publicWebhookUrl } from '../http/publicUrl';
import { adminOrigin, rememberAdminOrigin } from './adminOrigin';
import { recordCall } from './recordCall';
import { SubscriptionLifecycle } from './SubscriptionLifecycle';

/** Registering each workflow's webhook with its sender, renewing and removing it (`config.subscription`). */
export function defineSubscriptions(app: Application, apiPrefix: string): SubscriptionLifecycle {
  const { db, logger } = app;
  const lifecycle = new SubscriptionLifecycle({
    db,
    lockManager: app.lockManager,
    logger,
    environment: app.environment,
    webhookUrl: (key) => {
      const url = publicWebhookUrl(apiPrefix, WEBHOOK_ACTION, key);
      // WEBHOOK_PUBLIC_URL wins; else the origin of the admin's own request that saves the workflow.
      const origin = adminOrigin();
      return url.startsWith('/') && origin ? `${origin}${url}` : url;
    },
    recordCall: recordCall(db, logger),
  });
  rememberAdminOrigin(app);
  db.on('workflows.beforeSave', lifecycle.beforeSave);
  db.on('workflows.afterSave', lifecycle.afterSave);
  db.on('workflows.afterDestroy', lifecycle.afterDestroy);
  return lifecycle;
}
