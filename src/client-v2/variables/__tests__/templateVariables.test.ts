import { buildEventVariables, buildSubscriptionVariables, keptNames, toMetaTree } from '../templateVariables';

const labels = {
  webhook: 'This webhook',
  url: 'URL',
  key: 'URL key',
  state: 'Kept values',
  response: 'Answer',
  status: 'Status code',
  body: 'Body',
};

/** Every variable of a picker tree, as the picker writes it. */
function written(tree: ReturnType<typeof toMetaTree>): string[] {
  return tree.flatMap((node) => [
    `{{${node.paths.join('.')}}}`,
    ...(Array.isArray(node.children) ? written(node.children) : []),
  ]);
}

describe('toMetaTree', () => {
  it('gives each node the values from the root down as its paths, and keeps unreachable ones disabled', () => {
    const tree = toMetaTree(
      [
        {
          key: 'body',
          value: 'body',
          label: 'Body',
          children: [{ key: 'body.订单', value: '订单', label: '订单', disabled: true }],
        },
      ],
      ['$context'],
    );
    expect(tree).toEqual([
      {
        name: 'body',
        title: 'Body',
        type: '',
        paths: ['$context', 'body'],
        children: [{ name: '订单', title: '订单', type: '', paths: ['$context', 'body', '订单'], disabled: true }],
      },
    ]);
  });
});

describe('buildEventVariables', () => {
  it('is the event itself, as its type and id templates are rendered', () => {
    expect(written(toMetaTree(buildEventVariables('Event')))).toEqual(['{{$event}}']);
  });
});

describe('buildSubscriptionVariables', () => {
  const subscription = {
    subscribe: { url: 'https://x', state: { webhookId: '{{$response.body.id}}', ' secret ': '{{$response.body.s}}' } },
    refresh: { url: 'https://x', state: { expires: '{{$response.body.e}}', webhookId: '{{$response.body.id}}' } },
  };

  it('lists the names the answers keep, each once', () => {
    expect(keptNames(subscription)).toEqual(['webhookId', 'secret', 'expires']);
    expect(keptNames(null)).toEqual([]);
  });

  it('offers the webhook to the first call, and nothing kept before its answer', () => {
    const tree = toMetaTree(buildSubscriptionVariables('subscribe', keptNames(subscription), labels));
    expect(written(tree)).toEqual(['{{$webhook}}', '{{$webhook.url}}', '{{$webhook.key}}']);
  });

  it('offers later calls the kept values, and the answer to the templates that read it', () => {
    const call = written(toMetaTree(buildSubscriptionVariables('unsubscribe', keptNames(subscription), labels)));
    expect(call).toEqual(expect.arrayContaining(['{{$state.webhookId}}', '{{$state.secret}}', '{{$state.expires}}']));
    expect(call).not.toContain('{{$response}}');
    const answer = written(
      toMetaTree(buildSubscriptionVariables('refresh', keptNames(subscription), labels, { answer: true })),
    );
    expect(answer).toEqual(
      expect.arrayContaining(['{{$state.webhookId}}', '{{$response.status}}', '{{$response.body}}']),
    );
    const first = written(
      toMetaTree(buildSubscriptionVariables('subscribe', keptNames(subscription), labels, { answer: true })),
    );
    expect(first).toContain('{{$response.body}}');
    expect(first).not.toContain('{{$state.webhookId}}');
  });
});
