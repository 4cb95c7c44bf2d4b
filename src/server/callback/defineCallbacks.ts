import type { Context } from '@nocobase/actions';
import type { Transactionable } from '@nocobase/database';
import type PluginWorkflowServer from '@nocobase/plugin-workflow';
import type { Application } from '@nocobase/server';
import { CALLBACK_ACTION } from '../../common/constants';
import { CALLBACK_KEYS_COLLECTION } from '../constants';
import { checkExecutionContext } from '../host/executionContext';
import { HostReport, reportHostCheck } from '../host/hostCheck';
import { placeAheadOfNocoBase } from '../host/middleware';
import { WebhookEndpoint } from '../http/WebhookEndpoint';
import type { Read } from '../pipeline/Delivery';
import { Pipeline } from '../pipeline/Pipeline';
import { authenticate } from '../pipeline/stages/authenticate';
import { guardMethod } from '../pipeline/stages/guardMethod';
import { parseRequest } from '../pipeline/stages/parseRequest';
import { readBody } from '../pipeline/stages/readBody';
import type { SecretReader } from '../support/secrets';
import { CallbackKeys, legacyCallbackSecret } from './CallbackKeys';
import { CallbackResolved, resolveCallback, resumeCallback } from './callbackStages';
import { CallbackTimeouts } from './CallbackTimeouts';
import { CallbackUrls } from './callbackUrls';

export interface CallbackDeps {
  workflowPlugin: PluginWorkflowServer;
  keys: CallbackKeys;
  secrets: SecretReader;
  apiPrefix: string;
  host: HostReport;
}

export interface Callbacks {
  timeouts: CallbackTimeouts;
  /** Makes the installation's callback key if there is none yet; a failure is logged. */
  makeKey: () => Promise<void>;
}

/**
 * "Wait for callback" (its node is registered with the other instructions): the callback URLs its
 * runs get in `$context.callbackUrls`, the endpoint `/api/webhook:callback/<token>` that resumes a
 * waiting run, and the timeout sweep.
 */
export function defineCallbacks(app: Application, deps: CallbackDeps): Callbacks {
  const { workflowPlugin, keys, secrets, apiPrefix, host } = deps;
  const { db, logger } = app;
  const urls = new CallbackUrls(db, keys, apiPrefix);
  const contextWritable = reportHostCheck(
    host,
    'execution context',
    checkExecutionContext(db),
    'runs get their callback URL as the "Wait for callback" node\'s result only, not in $context.callbackUrls',
  );
  if (contextWritable) {
    db.on('executions.afterCreate', (execution: Parameters<CallbackUrls['addTo']>[0], options: Transactionable) =>
      urls.addTo(execution, options),
    );
  }
  const pipeline = Pipeline.start()
    .then(resolveCallback({ db, keys, legacySecret: legacyCallbackSecret() }))
    .check(guardMethod)
    .check(authenticate(secrets))
    .then(readBody<CallbackResolved>())
    .then(parseRequest<CallbackResolved & Read>())
    .then(resumeCallback({ db, workflowPlugin, logger }));
  const endpoint = new WebhookEndpoint({
    pipeline,
    logger,
    requestLog: app.requestLogger,
    apiPrefix,
    action: CALLBACK_ACTION,
  });
  const timeouts = new CallbackTimeouts(db, workflowPlugin, app.lockManager, logger);
  refuseKeyActions(app);
  placeAheadOfNocoBase(app, endpoint.middleware, 'webhook-callback');
  // Made at start (not at the first wait), so that runs waiting from before it are told apart.
  const makeKey = async () => {
    try {
      await keys.current();
    } catch (error) {
      logger.error('[webhook] the callback key could not be made', { error });
    }
  };
  return { timeouts, makeKey };
}

/** The key is read by this plugin only: no API action reaches its collection, whatever the role. */
function refuseKeyActions(app: Application) {
  app.resourceManager.use(
    async (ctx, next) => {
      if ((ctx as Context).action?.resourceName === CALLBACK_KEYS_COLLECTION) {
        (ctx as Context).throw(404, `Resource "${CALLBACK_KEYS_COLLECTION}" not found`);
      }
      await next();
    },
    { tag: 'webhook-callback-keys', before: 'acl' },
  );
}
