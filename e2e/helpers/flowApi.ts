import { EXECUTION_STATUS, JOB_STATUS } from '@nocobase/plugin-workflow';
import type { RunningApp } from './runningApp';
import { waitUntil } from './waitUntil';

export interface FlowNode {
  id: number;
  key: string;
  type: string;
  title: string;
  upstreamId: number | null;
  config: Record<string, unknown>;
}

export interface Job {
  id: number;
  nodeId: number;
  status: number;
  result: unknown;
}

export interface Execution {
  id: number;
  status: number | null;
  context: Record<string, unknown> & { callbackUrls?: Record<string, string> };
  jobs: Job[];
}

/** Workflows, their nodes and their executions as the API has them, read as the admin. */
export class FlowApi {
  constructor(
    readonly app: RunningApp,
    readonly token: string,
  ) {}

  private get<T>(pathname: string): Promise<T> {
    return this.app.api<{ data: T }>(pathname, { token: this.token }).then(({ data }) => data);
  }

  workflow(id: number | string) {
    return this.get<{ id: number; key: string; enabled: boolean; config: Record<string, unknown> }>(
      `workflows:get?filterByTk=${id}`,
    );
  }

  async workflowByTitle(title: string) {
    const filter = encodeURIComponent(JSON.stringify({ title }));
    const [workflow] = await this.get<Array<{ id: number; key: string }>>(`workflows:list?filter=${filter}`);
    return workflow;
  }

  /** Creates a workflow of any trigger type, disabled unless `values` says otherwise. */
  async createWorkflow(values: { title: string; type: string; sync?: boolean; config?: Record<string, unknown> }) {
    const { data } = await this.app.api<{ data: { id: number; key: string } }>('workflows:create', {
      body: { sync: false, enabled: false, config: {}, ...values },
      token: this.token,
    });
    return data;
  }

  /** Appends a node to a workflow, as the designer's "Add node" does. */
  async createNode(workflowId: number | string, values: Partial<Omit<FlowNode, 'id' | 'key'>> & { type: string }) {
    const { data } = await this.app.api<{ data: FlowNode }>(`workflows/${workflowId}/nodes:create`, {
      body: values,
      token: this.token,
    });
    return data;
  }

  async enable(id: number | string) {
    await this.app.api(`workflows:update?filterByTk=${id}`, { body: { enabled: true }, token: this.token });
  }

  node(id: number) {
    return this.get<FlowNode>(`flow_nodes:get?filterByTk=${id}`);
  }

  async nodeOfType(workflowId: number | string, type: string): Promise<FlowNode> {
    const filter = encodeURIComponent(JSON.stringify({ workflowId, type }));
    const [node] = await this.get<FlowNode[]>(`flow_nodes:list?filter=${filter}`);
    if (!node) {
      throw new Error(`workflow ${workflowId} has no ${type} node`);
    }
    return node;
  }

  execution(id: number) {
    return this.get<Execution>(`executions:get?filterByTk=${id}&appends=jobs`);
  }

  async executions(workflowId: number | string): Promise<Execution[]> {
    const filter = encodeURIComponent(JSON.stringify({ workflowId }));
    return this.get<Execution[]>(`executions:list?sort=-id&pageSize=20&appends=jobs&filter=${filter}`);
  }

  /** Waits until a run of the workflow waits at the node (its job pending); returns that run. */
  async waitForPendingJob(workflowId: number | string, nodeId: number): Promise<Execution> {
    let found: Execution | undefined;
    await waitUntil(async () => {
      const [latest] = await this.executions(workflowId);
      found = latest?.jobs?.some((job) => job.nodeId === nodeId && job.status === JOB_STATUS.PENDING)
        ? latest
        : undefined;
      return Boolean(found);
    }, `a run of workflow ${workflowId} waiting at node ${nodeId}`);
    return this.execution(found!.id);
  }

  /** Waits until the execution has ended; returns it with its jobs. */
  async waitForEnd(executionId: number): Promise<Execution> {
    let execution: Execution | undefined;
    await waitUntil(async () => {
      execution = await this.execution(executionId);
      return execution.status != null && execution.status !== EXECUTION_STATUS.STARTED;
    }, `execution ${executionId} to end`);
    return execution!;
  }
}
