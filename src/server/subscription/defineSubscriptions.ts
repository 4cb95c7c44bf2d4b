import type { Application } from '@nocobase/server';
import { WEBHOOK_ACTION } from '../../common/constants';
import { publicWebhookUrl } from '../http/publicUrl';
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
    webhookUrl: (key) => publicWebhookUrl(apiPrefix, WEBHOOK_ACTION, key),
    recordCall: recordCall(db, logger),
  });
  db.on('workflows.beforeSave', lifecycle.beforeSave);
  db.on('workflows.afterSave', lifecycle.afterSave);
  db.on('workflows.afterDestroy', lifecycle.afterDestroy);
  return lifecycle;
}
