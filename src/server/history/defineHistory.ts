import type { Application } from '@nocobase/server';
import { HistoryDeps, listen, listened, readOnly, replay, stopListening } from '../actions/deliveries';
import { DELIVERIES_COLLECTION, SUBSCRIPTIONS_COLLECTION } from '../constants';

/** The workflow plugin's permission snippet: roles with it may manage workflows. */
const WORKFLOW_SNIPPET = 'pm.workflow.workflows';

/**
 * The delivery history: `webhookDeliveries:list` and `:get` (NocoBase's own actions on the
 * collection), `:replay`, `:listen`, `:listened`, `:stopListening`; rows are never written
 * through the API. Allowed to the roles that may manage workflows: the actions join the workflow
 * plugin's "Workflow" permission snippet.
 */
export function defineHistory(app: Application, deps: HistoryDeps) {
  type Handlers = Parameters<typeof app.resourceManager.registerActionHandlers>[0];
  app.resourceManager.registerActionHandlers(<Handlers>(<unknown>{
    [`${DELIVERIES_COLLECTION}:replay`]: replay(deps),
    [`${DELIVERIES_COLLECTION}:listen`]: listen(deps),
    [`${DELIVERIES_COLLECTION}:listened`]: listened(deps),
    [`${DELIVERIES_COLLECTION}:stopListening`]: stopListening(deps),
    [`${DELIVERIES_COLLECTION}:create`]: readOnly(),
    [`${DELIVERIES_COLLECTION}:update`]: readOnly(),
    [`${DELIVERIES_COLLECTION}:firstOrCreate`]: readOnly(),
    [`${DELIVERIES_COLLECTION}:updateOrCreate`]: readOnly(),
  }));
  const actions = [
    ...['list', 'get', 'replay', 'listen', 'listened', 'stopListening'].map(
      (action) => `${DELIVERIES_COLLECTION}:${action}`,
    ),
    // A subscription's state and renewal, read beside the history.
    `${SUBSCRIPTIONS_COLLECTION}:list`,
    `${SUBSCRIPTIONS_COLLECTION}:get`,
  ];
  const workflowSnippet = app.acl.snippetManager.snippets.get(WORKFLOW_SNIPPET);
  if (workflowSnippet) {
    workflowSnippet.actions.push(...actions);
  } else {
    app.acl.registerSnippet({ name: WORKFLOW_SNIPPET, actions });
  }
}
