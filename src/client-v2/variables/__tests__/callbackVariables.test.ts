import {
  buildCallbackResultVariables,
  buildCallbackUrlVariables,
  callbackNodesOf,
  callbackUrlTemplate,
} from '../callbackVariables';
import type { VariableNode } from '../variableTree';

/** What a picker inserts under a root: the values from the root down, joined by dots. */
function pathOf(root: string, node: VariableNode, ...labelsDown: string[]): string {
  const values = [node.value];
  let level = node.children ?? [];
  for (const label of labelsDown) {
    const next = level.find((item) => item.label === label);
    if (!next) {
      throw new Error(`no "${label}" among ${level.map((item) => item.label).join(', ')}`);
    }
    values.push(next.value);
    level = next.children ?? [];
  }
  return `{{${root}.${values.join('.')}}}`;
}

const nodes = [
  { id: 1, key: 'calc1', type: 'calculation', title: 'Amount' },
  { id: 2, key: 'pay7x', type: 'webhookCallback', title: 'Wait for payment' },
  { id: 3, key: 'ok9zz', type: 'webhookCallback', title: null },
  { id: 4, type: 'webhookCallback', title: 'No key yet' },
];

describe('callbackUrlTemplate', () => {
  it('is the variable a run resolves to its callback URL for that node', () => {
    expect(callbackUrlTemplate('pay7x')).toBe('{{$context.callbackUrls.pay7x}}');
  });
});

describe('callbackNodesOf', () => {
  it('keeps the "Wait for callback" nodes that have a key, in order', () => {
    expect(callbackNodesOf(nodes).map((node) => node.key)).toEqual(['pay7x', 'ok9zz']);
    expect(callbackNodesOf(undefined)).toEqual([]);
  });
});

describe('buildCallbackUrlVariables', () => {
  const labels = { group: 'Callback URLs', url: (title: string) => `Callback URL (${title})` };

  it("offers each callback node's URL under $context.callbackUrls, named by the node", () => {
    const tree = buildCallbackUrlVariables(nodes, labels)!;
    expect(tree.label).toBe('Callback URLs');
    expect(tree.children?.map((node) => node.label)).toEqual(['Callback URL (Wait for payment)', 'Callback URL (#3)']);
    expect(pathOf('$context', tree, 'Callback URL (Wait for payment)')).toBe(callbackUrlTemplate('pay7x'));
  });

  it('offers nothing in a workflow without callback nodes', () => {
    expect(buildCallbackUrlVariables(nodes.slice(0, 1), labels)).toBeNull();
    expect(buildCallbackUrlVariables([], labels)).toBeNull();
  });
});

describe('buildCallbackResultVariables', () => {
  const labels = {
    callbackUrl: 'Callback URL',
    timedOut: 'Timed out',
    request: 'Request',
    method: 'Method',
    headers: 'Headers',
    query: 'Query parameters',
    body: 'Body',
  };

  it('maps the result of a resumed node to the paths of its job result', () => {
    const tree = buildCallbackResultVariables({ id: 2, key: 'pay7x', title: 'Wait for payment' }, labels);
    expect(tree.label).toBe('Wait for payment');
    expect(pathOf('$jobsMapByNodeKey', tree, 'Callback URL')).toBe('{{$jobsMapByNodeKey.pay7x.callbackUrl}}');
    expect(pathOf('$jobsMapByNodeKey', tree, 'Timed out')).toBe('{{$jobsMapByNodeKey.pay7x.timedOut}}');
    expect(pathOf('$jobsMapByNodeKey', tree, 'Request', 'Body')).toBe('{{$jobsMapByNodeKey.pay7x.request.body}}');
    expect(tree.children?.[2].children?.map((node) => node.value)).toEqual(['method', 'headers', 'query', 'body']);
  });
});
