import { type DeliveryState, isReplayable } from '../../../common/deliveries';
import type { WebhookContext } from '../../../common/types';
import type { FlowNodeModel, WorkflowModel } from '@nocobase/plugin-workflow';
import type { TestApp } from './testApp';

export interface NodeSpec {
  type: string;
  config?: Record<string, unknown>;
}

interface NodeCreator {
  createNode(
    values: Record<string, unknown>,
  ): Promise<FlowNodeModel & { setDownstream(node: FlowNodeModel): Promise<void> }>;
}

/** Creates an enabled webhook workflow whose nodes run one after the other, the way the designer links them. */
export async function createWebhookWorkflow(
  testApp: TestApp,
  {
    sync = false,
    config = {},
    nodes = [],
    enabled = true,
    options,
  }: {
    sync?: boolean;
    config?: Record<string, unknown>;
    nodes?: NodeSpec[];
    enabled?: boolean;
    options?: Record<string, unknown>;
  } = {},
): Promise<WorkflowModel> {
  const workflow = await testApp.createWorkflow({
    title: `webhook ${sync ? 'sync' : 'async'}`,
    type: 'webhook',
    sync,
    enabled: false,
    config,
    ...(options ? { options } : {}),
  });
  let previous: (FlowNodeModel & { setDownstream(node: FlowNodeModel): Promise<void> }) | null = null;
  for (const spec of nodes) {
    const node = await (workflow as unknown as NodeCreator).createNode({
      type: spec.type,
      config: spec.config ?? {},
      upstreamId: previous?.id ?? null,
    });
    if (previous) {
      await previous.setDownstream(node);
    }
    previous = node;
  }
  if (enabled) {
    await workflow.update({ enabled: true });
  }
  return workflow;
}

export interface ExecutionRow {
  id: number;
  status: number;
  context: WebhookContext;
  manually?: boolean;
}

export async function executionsOf(testApp: TestApp, workflowId: number | string): Promise<ExecutionRow[]> {
  const rows = await testApp.app.db.getRepository('executions').find({ filter: { workflowId }, sort: ['id'] });
  return rows.map((row: { toJSON(): unknown }) => row.toJSON() as ExecutionRow);
}

export async function jobsOf(testApp: TestApp, executionId: number | string) {
  const rows = await testApp.app.db.getRepository('jobs').find({ filter: { executionId }, sort: ['id'] });
  return rows.map((row: { toJSON(): unknown }) => row.toJSON() as { nodeId: number; status: number; result: unknown });
}

/** Polls until `count` executions of the workflow have ended (any non-started status), or fails. */
export async function waitForExecutions(
  testApp: TestApp,
  workflowId: number | string,
  count: number,
  timeoutMs = 60_000,
): Promise<ExecutionRow[]> {
  const deadline = Date.now() + timeoutMs;
  let rows: ExecutionRow[] = [];
  while (Date.now() < deadline) {
    rows = await executionsOf(testApp, workflowId);
    if (rows.length >= count && rows.every((row) => row.status != null && row.status !== 0)) {
      return rows;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `expected ${count} finished executions, found ${rows.length}: ${JSON.stringify(rows.map((r) => r.status))}`,
  );
}

export function basicAuth(username: string, password: string) {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export function postJson(
  testApp: TestApp,
  key: string,
  body: unknown,
  init: { headers?: Record<string, string>; query?: string } = {},
) {
  return testApp.request(`/api/webhook:trigger/${key}${init.query ?? ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Inbox rows of a workflow that are deliveries to run, not refused, repeated or handshake requests kept for the history. */
export async function deliveriesToRun(testApp: TestApp, workflowId: number | string | Array<number | string>) {
  const rows = await testApp.app.db
    .getModel('webhookDeliveries')
    .findAll({ where: { workflowId }, order: [['id', 'ASC']] });
  return rows.filter((row) => isReplayable({ state: row.get('state') as DeliveryState }));
}
