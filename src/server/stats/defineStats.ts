import type { Application } from '@nocobase/server';
import { STATS_ACTION } from '../../common/stats';
import { stats } from '../actions/stats';
import { DELIVERIES_COLLECTION } from '../constants';
import { DeliveryStats } from './DeliveryStats';

/** The workflow plugin's permission snippet, the one the delivery history's actions join. */
const WORKFLOW_SNIPPET = 'pm.workflow.workflows';

/**
 * `webhookDeliveries:stats`, allowed to the roles that may read the delivery history (those that
 * may manage workflows): it tells the same things, counted.
 */
export function defineStats(app: Application) {
  type Handlers = Parameters<typeof app.resourceManager.registerActionHandlers>[0];
  const action = `${DELIVERIES_COLLECTION}:${STATS_ACTION}`;
  app.resourceManager.registerActionHandlers(<Handlers>(<unknown>{ [action]: stats(new DeliveryStats(app.db)) }));
  const workflowSnippet = app.acl.snippetManager.snippets.get(WORKFLOW_SNIPPET);
  if (workflowSnippet) {
    workflowSnippet.actions.push(action);
  } else {
    app.acl.registerSnippet({ name: WORKFLOW_SNIPPET, actions: [action] });
  }
}
