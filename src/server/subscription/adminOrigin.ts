import { AsyncLocalStorage } from 'async_hooks';
import type { Context } from '@nocobase/actions';
import type { Application } from '@nocobase/server';
import { requestOrigin } from '../http/senderUrl';

/**
 * The origin the admin reaches the app at, while their request saves a workflow: without
 * `WEBHOOK_PUBLIC_URL`, "Register with the sender" gives the sender this origin, the address the
 * admin (and so, usually, the outside world) uses. Kept per request, never across requests.
 */
const originOfSave = new AsyncLocalStorage<string>();

export function rememberAdminOrigin(app: Application) {
  app.resourceManager.use(
    async (ctx, next) =>
      ctx.action?.resourceName === 'workflows'
        ? originOfSave.run(requestOrigin(ctx as unknown as Context), next)
        : next(),
    { tag: 'webhookAdminOrigin' },
  );
}

/** The origin of the request saving a workflow right now, if any. */
export function adminOrigin(): string | undefined {
  return originOfSave.getStore();
}
