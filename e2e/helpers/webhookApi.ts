import type { RunningApp } from './runningApp';
import { waitUntil } from './waitUntil';

export interface CreatedWorkflow {
  id: number;
  key: string;
  url: string;
}

interface Row {
  id: number;
  state: string;
  executionId: number | null;
}

/** What a test reads and writes over the API beside the browser, signed in as the admin. */
export class WebhookApi {
  constructor(
    readonly app: RunningApp,
    readonly token: string,
  ) {}

  async createWorkflow(values: { title: string; sync?: boolean; enabled?: boolean; config?: Record<string, unknown> }) {
    const { data } = await this.app.api<{ data: { id: number; key: string } }>('workflows:create', {
      body: { type: 'webhook', sync: false, enabled: false, config: {}, ...values },
      token: this.token,
    });
    return {
      id: data.id,
      key: data.key,
      url: `${this.app.baseUrl}/api/webhook:trigger/${data.key}`,
    } as CreatedWorkflow;
  }

  async executionCount(workflowId: number): Promise<number> {
    const filter = encodeURIComponent(JSON.stringify({ workflowId }));
    const { meta } = await this.app.api<{ meta: { count: number } }>(`executions:list?pageSize=1&filter=${filter}`, {
      token: this.token,
    });
    return meta.count;
  }

  async waitForExecutions(workflowId: number, count: number) {
    await waitUntil(
      async () => (await this.executionCount(workflowId)) >= count,
      `${count} executions of workflow ${workflowId}`,
    );
  }

  async deliveries(workflowId: number): Promise<Row[]> {
    const filter = encodeURIComponent(JSON.stringify({ workflowId }));
    const { data } = await this.app.api<{ data: Row[] }>(
      `webhookDeliveries:list?sort=-id&pageSize=50&filter=${filter}`,
      {
        token: this.token,
      },
    );
    return data;
  }

  /** Waits until every delivery of a workflow has ended (ran, failed, refused…), and returns them newest first. */
  async settledDeliveries(workflowId: number, count: number): Promise<Row[]> {
    let rows: Row[] = [];
    await waitUntil(async () => {
      rows = await this.deliveries(workflowId);
      return rows.length >= count && rows.every((row) => row.state !== 'stored' && row.state !== 'started');
    }, `${count} settled deliveries of workflow ${workflowId}`);
    return rows;
  }
}
