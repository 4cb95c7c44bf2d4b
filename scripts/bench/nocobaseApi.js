/**
 * The few NocoBase HTTP API calls the bench needs: sign in, create the workflows, and read
 * execution rows. Only public HTTP behaviour is used, so the bench keeps working whatever the
 * plugin does inside (in-memory hand-over today, a database inbox later).
 */
const ORDER_ID = '{{$context.body.order.id}}';

function createApi(baseUrl) {
  let token = null;

  async function call(pathname, { method, body, query } = {}) {
    const url = new URL(`${baseUrl}/api/${pathname}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
    const response = await fetch(url, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        'Content-Type': 'application/json',
        'X-Authenticator': 'basic',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${pathname} answered ${response.status}: ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  }

  return {
    async signIn() {
      const json = await call('auth:signIn', { body: { account: 'admin@nocobase.com', password: 'admin123' } });
      token = json.data.token;
    },

    async createWorkflow({ title, sync, node }) {
      const { data } = await call('workflows:create', { body: { title, type: 'webhook', sync, enabled: true, config: {} } });
      await call('flow_nodes:create', { body: { ...node, workflowId: data.id } });
      return { id: data.id, key: data.key, title, sync };
    },

    /** One cheap node, so the drain measures the engine's per-execution cost, not the node's. */
    createAsyncWorkflow(title) {
      return this.createWorkflow({
        title,
        sync: false,
        node: { type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } },
      });
    },

    /** The HTTP Response node echoes the order id, so the bench can check the answer is the run's. */
    createSyncWorkflow(title) {
      return this.createWorkflow({
        title,
        sync: true,
        node: { type: 'response', config: { statusCode: 200, body: { id: ORDER_ID } } },
      });
    },

    async countExecutions(workflowId, extraFilter = {}) {
      const json = await call('executions:list', {
        query: { filter: { workflowId, ...extraFilter }, pageSize: '1', fields: 'id' },
      });
      return json.meta.count;
    },

    /** Every execution of a workflow, a page at a time, with just the fields an audit needs. */
    async listExecutions(workflowId, pageSize = 1000) {
      const rows = [];
      for (let page = 1; ; page += 1) {
        const json = await call('executions:list', {
          query: { filter: { workflowId }, pageSize: String(pageSize), page: String(page), sort: 'id', fields: 'id,status,context' },
        });
        rows.push(...json.data);
        // totalPage follows the page size the server really used, should it cap ours.
        if (!json.data.length || page >= (json.meta.totalPage ?? page)) return rows;
      }
    },
  };
}

module.exports = { createApi };
