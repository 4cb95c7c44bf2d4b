/**
 * The few NocoBase HTTP API calls the bench needs: sign in, create the workflows (and the
 * collection of the engine reference), and read execution rows. Only public HTTP behaviour is
 * used, so the bench keeps working whatever the plugin does inside.
 */
const ORDER_ID = '{{$context.body.order.id}}';

/** The one node of every async workflow, webhook or not, so that drains compare like with like. */
const CHEAP_NODE = { type: 'calculation', config: { engine: 'math.js', expression: '1 + 1' } };

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
    /** What a signed-in client sends, for load that goes through NocoBase's own actions. */
    authHeaders() {
      return { 'X-Authenticator': 'basic', Authorization: `Bearer ${token}` };
    },

    async signIn() {
      const json = await call('auth:signIn', { body: { account: 'admin@nocobase.com', password: 'admin123' } });
      token = json.data.token;
    },

    async createWorkflow({ title, sync, node, type = 'webhook', config = {}, options }) {
      const { data } = await call('workflows:create', {
        body: { title, type, sync, enabled: true, config, ...(options ? { options } : {}) },
      });
      await call('flow_nodes:create', { body: { ...node, workflowId: data.id } });
      return { id: data.id, key: data.key, title, sync };
    },

    /** One cheap node, so the drain measures the engine's per-execution cost, not the node's. */
    createAsyncWorkflow(title, config = {}) {
      return this.createWorkflow({ title, sync: false, node: CHEAP_NODE, config });
    },

    /** The HTTP Response node echoes the order id, so the bench can check the answer is the run's. */
    createSyncWorkflow(title) {
      return this.createWorkflow({
        title,
        sync: true,
        node: { type: 'response', config: { statusCode: 200, body: { id: ORDER_ID } } },
      });
    },

    /**
     * The engine reference (see engineReference.js): a collection made through the collection
     * manager's API, and an async workflow on it that runs the same node "after a record is
     * updated" (mode 2 of NocoBase's collection trigger).
     */
    async createCollectionWorkflow(title, collection) {
      const text = (name) => ({ name, type: 'string', interface: 'input', uiSchema: { title: name, type: 'string' } });
      await call('collections:create', {
        body: {
          name: collection,
          title,
          fields: [
            text('orderId'),
            text('label'),
            text('state'),
            { name: 'payload', type: 'json', interface: 'json', uiSchema: { title: 'Payload', type: 'object' } },
          ],
        },
      });
      const workflow = await this.createWorkflow({
        title,
        type: 'collection',
        sync: false,
        config: { collection, mode: 2 },
        node: CHEAP_NODE,
      });
      return { ...workflow, collection };
    },

    async countExecutions(workflowId, extraFilter = {}) {
      const json = await call('executions:list', {
        query: { filter: { workflowId, ...extraFilter }, pageSize: '1', fields: 'id' },
      });
      return json.meta.count;
    },

    /** The newest execution id of a workflow (ids grow with time), or null. */
    async lastExecutionId(workflowId) {
      const json = await call('executions:list', {
        query: { filter: { workflowId }, sort: '-id', pageSize: '1', fields: 'id' },
      });
      return json.data?.[0]?.id ?? null;
    },

    /** A timestamp (server clock, ms) of the first execution in `sort` order matching `filter`, or null. */
    async executionTime(filter, sort, field) {
      const json = await call('executions:list', { query: { filter, sort, pageSize: '1', fields: `id,${field}` } });
      const at = Date.parse(json.data?.[0]?.[field] ?? '');
      return Number.isFinite(at) ? at : null;
    },

    /** When the first / last execution after `afterId` was created. */
    firstCreatedAt(workflowId, afterId) {
      return this.executionTime(
        afterId == null ? { workflowId } : { workflowId, id: { $gt: afterId } },
        'id',
        'createdAt',
      );
    },
    lastCreatedAt(workflowId) {
      return this.executionTime({ workflowId }, '-id', 'createdAt');
    },

    /** When the execution that finished last was updated, i.e. finished. */
    lastFinishedAt(workflowId, finished) {
      return this.executionTime({ workflowId, status: finished }, '-updatedAt', 'updatedAt');
    },

    /** Every execution of a workflow, a page at a time, with just the fields an audit needs. */
    async listExecutions(workflowId, pageSize = 1000) {
      const rows = [];
      for (let page = 1; ; page += 1) {
        const json = await call('executions:list', {
          query: {
            filter: { workflowId },
            pageSize: String(pageSize),
            page: String(page),
            sort: 'id',
            fields: 'id,status,context',
          },
        });
        rows.push(...json.data);
        // totalPage follows the page size the server really used, should it cap ours.
        if (!json.data.length || page >= (json.meta.totalPage ?? page)) return rows;
      }
    },
  };
}

module.exports = { createApi };
