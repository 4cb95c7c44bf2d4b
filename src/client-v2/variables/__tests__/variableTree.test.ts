import { buildFieldTree, buildRequestVariables, buildTriggerVariables } from '../variableTree';

const labels = {
  method: 'Method',
  headers: 'Headers',
  query: 'Query parameters',
  body: 'Body',
  rawBody: 'Raw body',
  files: 'Files',
  event: 'Event',
  eventType: 'Event type',
  attempt: 'Attempt',
  file: {
    url: 'URL',
    filename: 'File name',
    mimeType: 'MIME type',
    size: 'Size (bytes)',
    field: 'Form field',
    attachmentId: 'Attachment ID',
  },
};

/** What a picker inserts for a node: the values from the root down, joined by dots. */
function pathOf(tree: ReturnType<typeof buildFieldTree>, ...labelsDown: string[]): string {
  const values: string[] = [];
  let level = tree;
  for (const label of labelsDown) {
    const node = level.find((item) => item.label === label);
    if (!node) {
      throw new Error(`no "${label}" among ${level.map((item) => item.label).join(', ')}`);
    }
    values.push(node.value);
    level = node.children ?? [];
  }
  return `{{$context.${values.join('.')}}}`;
}

describe('buildFieldTree', () => {
  it('nests dotted and bracketed paths and labels aliased leaves', () => {
    const tree = buildFieldTree([{ key: 'order.id', alias: 'Order ID' }, { key: 'items[0].sku' }], 'body');
    expect(tree).toEqual([
      {
        key: 'body.order',
        value: 'order',
        label: 'order',
        children: [{ key: 'body.order.id', value: 'id', label: 'Order ID' }],
      },
      {
        key: 'body.items',
        value: 'items',
        label: 'items',
        children: [
          {
            key: 'body.items.0',
            value: '0',
            label: '0',
            children: [{ key: 'body.items.0.sku', value: 'sku', label: 'sku' }],
          },
        ],
      },
    ]);
  });

  it('labels an inner node with its own alias and merges shared prefixes', () => {
    const tree = buildFieldTree(
      [{ key: 'filter', alias: 'Filter' }, { key: 'filter.status', alias: 'Status' }, { key: 'filter[page]' }],
      'query',
    );
    expect(tree).toHaveLength(1);
    expect(tree[0].label).toBe('Filter');
    expect(tree[0].children?.map((child) => child.label)).toEqual(['Status', 'page']);
  });

  it('keeps header names whole and lower-cased, as the trigger context has them', () => {
    const tree = buildFieldTree([{ key: 'X-Request-Id', alias: 'Request ID' }, { key: 'x.custom' }], 'headers', {
      header: true,
    });
    expect(tree.map((node) => [node.value, node.label])).toEqual([
      ['x-request-id', 'Request ID'],
      ['x.custom', 'x.custom'],
    ]);
  });

  it('shows keys no template can reach, but not as selectable', () => {
    const body = buildFieldTree([{ key: '订单.编号', alias: '编号' }, { key: 'ok' }], 'body');
    expect(body[0]).toMatchObject({ value: '订单', disabled: true });
    expect(body[0].children?.[0]).toMatchObject({ value: '编号', label: '编号', disabled: true });
    expect(body[1].disabled).toBeUndefined();
    const headers = buildFieldTree([{ key: 'X.Custom' }], 'headers', { header: true });
    expect(headers[0]).toMatchObject({ value: 'x.custom', disabled: true });
  });

  it('skips empty keys and ignores a second alias for the same path', () => {
    const tree = buildFieldTree(
      [{ key: '' }, { key: '  ' }, { key: 'a', alias: 'First' }, { key: 'a', alias: 'Second' }],
      'body',
    );
    expect(tree).toEqual([{ key: 'body.a', value: 'a', label: 'First' }]);
  });
});

describe('buildTriggerVariables', () => {
  it('offers method, the three request parts (each whole when it has no rows) and the files', () => {
    const tree = buildTriggerVariables(undefined, labels);
    expect(tree.map(({ key, label, children }) => [key, label, children?.length ?? 0])).toEqual([
      ['method', 'Method', 0],
      ['headers', 'Headers', 0],
      ['query', 'Query parameters', 0],
      ['body', 'Body', 0],
      ['files', 'Files', 6],
    ]);
  });

  it('offers the raw body only when the trigger keeps it', () => {
    expect(buildTriggerVariables({ rawBody: false }, labels).map((node) => node.key)).not.toContain('rawBody');
    expect(pathOf(buildTriggerVariables({ rawBody: true }, labels), 'Raw body')).toBe('{{$context.rawBody}}');
  });

  it('offers one event and its type when asynchronous deliveries are split into events, before the files', () => {
    const events = { path: 'entry[*].changes[*]', type: '{{$event.field}}' };
    const tree = buildTriggerVariables({ events }, labels);
    expect(pathOf(tree, 'Event')).toBe('{{$context.event}}');
    expect(pathOf(tree, 'Event type')).toBe('{{$context.eventType}}');
    expect(tree.map((node) => node.key).slice(-3)).toEqual(['event', 'eventType', 'files']);
    const keys = (config: Parameters<typeof buildTriggerVariables>[0], sync = false) =>
      buildTriggerVariables(config, labels, { sync }).map((node) => node.key);
    expect(keys({ events }, true)).not.toContain('event');
    expect(keys({ events: { path: '  ' } })).not.toContain('event');
    expect(keys({ events: null })).not.toContain('eventType');
  });

  it('offers the event type, without an event, when the trigger names where it is, in either workflow', () => {
    const keys = (config: Parameters<typeof buildTriggerVariables>[0], sync = false) =>
      buildTriggerVariables(config, labels, { sync }).map((node) => node.key);
    expect(keys({ eventType: { header: 'X-GitHub-Event' } }).slice(-2)).toEqual(['eventType', 'files']);
    expect(keys({ eventType: { bodyPath: 'type' } }, true)).toContain('eventType');
    expect(keys({ eventType: { bodyPath: 'type' } })).not.toContain('event');
    expect(keys({ eventType: { header: ' ', bodyPath: '' } })).not.toContain('eventType');
    expect(keys({ eventType: null })).not.toContain('eventType');
  });

  it('offers the attempt, before the files, when an asynchronous workflow retries failed runs', () => {
    const keys = (config: Parameters<typeof buildTriggerVariables>[0], sync = false) =>
      buildTriggerVariables(config, labels, { sync }).map((node) => node.key);
    expect(pathOf(buildTriggerVariables({ retry: { attempts: 3 } }, labels), 'Attempt')).toBe('{{$context.attempt}}');
    expect(keys({ retry: { attempts: 3 }, eventType: { header: 'X-Event' } }).slice(-3)).toEqual([
      'eventType',
      'attempt',
      'files',
    ]);
    expect(keys({ retry: { attempts: 1 } })).not.toContain('attempt');
    expect(keys({ retry: null })).not.toContain('attempt');
    expect(keys({ retry: { attempts: 3 } }, true)).not.toContain('attempt');
  });

  it('points each file field at that field of every uploaded file', () => {
    const tree = buildTriggerVariables({}, labels);
    expect(pathOf(tree, 'Files')).toBe('{{$context.files}}');
    expect(pathOf(tree, 'Files', 'URL')).toBe('{{$context.files.url}}');
    expect(pathOf(tree, 'Files', 'Attachment ID')).toBe('{{$context.files.attachmentId}}');
    expect(tree.find((node) => node.key === 'files')?.children?.map((node) => node.value)).toEqual([
      'url',
      'filename',
      'mimeType',
      'size',
      'field',
      'attachmentId',
    ]);
  });

  it('maps each alias to the variable path the server resolves', () => {
    const tree = buildTriggerVariables(
      {
        request: {
          headers: [{ key: 'X-Request-Id', alias: 'Request ID' }],
          query: [{ key: 'page' }, { key: 'filter.status', alias: 'Status' }],
          body: [{ key: 'order.id', alias: 'Order ID' }, { key: 'items[0].sku' }],
        },
      },
      labels,
    );
    expect(pathOf(tree, 'Body', 'order', 'Order ID')).toBe('{{$context.body.order.id}}');
    expect(pathOf(tree, 'Body', 'items', '0', 'sku')).toBe('{{$context.body.items.0.sku}}');
    expect(pathOf(tree, 'Query parameters', 'filter', 'Status')).toBe('{{$context.query.filter.status}}');
    expect(pathOf(tree, 'Query parameters', 'page')).toBe('{{$context.query.page}}');
    expect(pathOf(tree, 'Headers', 'Request ID')).toBe('{{$context.headers.x-request-id}}');
    expect(pathOf(tree, 'Method')).toBe('{{$context.method}}');
  });
});

describe('buildRequestVariables', () => {
  it('is the request as an immediate answer is rendered with it: no event, even when deliveries are split', () => {
    const config = {
      rawBody: true,
      request: { body: [{ key: 'order.id', alias: 'Order ID' }] },
      events: { path: 'entry[*]' },
    };
    const tree = buildRequestVariables(config, labels);
    expect(tree.map((node) => node.key)).toEqual(['method', 'headers', 'query', 'body', 'rawBody', 'files']);
    expect(pathOf(tree, 'Body', 'order', 'Order ID')).toBe('{{$context.body.order.id}}');
  });
});
