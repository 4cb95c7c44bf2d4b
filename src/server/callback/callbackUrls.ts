import type { Database, Transactionable } from '@nocobase/database';
import { CALLBACK_ACTION, CALLBACK_NODE_TYPE } from '../../common/constants';
import { publicWebhookUrl } from '../http/publicUrl';
import type { CallbackKeys } from './CallbackKeys';
import { callbackToken } from './callbackToken';
import { addToExecutionContext, ExecutionRow } from '../host/executionContext';

export function callbackUrl(secret: string, apiPrefix: string, executionId: number | string, nodeId: number | string) {
  return publicWebhookUrl(apiPrefix, CALLBACK_ACTION, callbackToken(secret, executionId, nodeId));
}

/**
 * Every run of a workflow with "Wait for callback" nodes gets their URLs in
 * `$context.callbackUrls.<node key>` as it is created, so that nodes before the wait can send the
 * URL (to a payment provider, in an e-mail) before the run pauses for it.
 */
export class CallbackUrls {
  /** Callback nodes per workflow id; forgotten whenever any node changes. */
  private readonly nodesByWorkflow = new Map<string, Array<{ id: number | string; key: string }>>();

  constructor(
    private readonly db: Database,
    private readonly keys: CallbackKeys,
    private readonly apiPrefix: string,
  ) {
    for (const event of ['flow_nodes.afterSave', 'flow_nodes.afterDestroy']) {
      db.on(event, () => this.nodesByWorkflow.clear());
    }
  }

  private async nodesOf(
    workflowId: number | string,
    options: Transactionable,
  ): Promise<Array<{ id: number | string; key: string }>> {
    const key = String(workflowId);
    const known = this.nodesByWorkflow.get(key);
    if (known) {
      return known;
    }
    const rows = await this.db.getRepository('flow_nodes').find({
      filter: { workflowId, type: CALLBACK_NODE_TYPE },
      fields: ['id', 'key'],
      transaction: options.transaction,
    });
    const nodes = rows.map((row: { get(name: string): unknown }) => ({
      id: row.get('id') as number,
      key: row.get('key') as string,
    }));
    this.nodesByWorkflow.set(key, nodes);
    return nodes;
  }

  /** For `executions.afterCreate`. */
  async addTo(execution: ExecutionRow, options: Transactionable) {
    const nodes = await this.nodesOf(execution.workflowId, options);
    if (!nodes.length) {
      return;
    }
    const { secret } = await this.keys.current();
    const callbackUrls = Object.fromEntries(
      nodes.map((node) => [node.key, callbackUrl(secret, this.apiPrefix, execution.id, node.id)]),
    );
    await addToExecutionContext(execution, { callbackUrls }, options);
  }
}
