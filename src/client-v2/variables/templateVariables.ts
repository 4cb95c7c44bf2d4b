import type { MetaTreeNode } from '@nocobase/flow-engine';
import { isTemplateSegment } from '../../common/fieldPath';
import type { SubscriptionConfig } from '../../common/types';
import type { VariableNode } from './variableTree';

/**
 * Picker nodes for a tree of variables, in the shape the workflow plugin's variable inputs take:
 * each node's `paths` are the values from the root down, written as `{{paths.joined.by.dots}}`.
 */
export function toMetaTree(nodes: readonly VariableNode[], parentPaths: string[] = []): MetaTreeNode[] {
  return nodes.map((node) => {
    const paths = [...parentPaths, node.value];
    return {
      name: node.value,
      title: node.label,
      type: '',
      paths,
      ...(node.children?.length ? { children: toMetaTree(node.children, paths) } : {}),
      ...(node.disabled ? { disabled: true } : {}),
    };
  });
}

/** What the type and id templates of an event are rendered with: `$event`, the event itself. */
export function buildEventVariables(label: string): VariableNode[] {
  return [{ key: '$event', value: '$event', label }];
}

export type SubscriptionStepName = 'subscribe' | 'refresh' | 'unsubscribe';

export interface SubscriptionVariableLabels {
  webhook: string;
  url: string;
  key: string;
  state: string;
  response: string;
  status: string;
  body: string;
}

/** The names subscribe and refresh keep from their answers; each answer adds to the earlier ones. */
export function keptNames(subscription: SubscriptionConfig | null | undefined): string[] {
  const names = [subscription?.subscribe?.state, subscription?.refresh?.state]
    .flatMap((state) => Object.keys(state ?? {}))
    .map((name) => name.trim())
    .filter(Boolean);
  return Array.from(new Set(names));
}

/**
 * What the templates of one call to the sender are rendered with: `$webhook` (this workflow's URL
 * and key); `$state`, the values kept from earlier answers (`kept`, see `keptNames`; none before
 * the first answer); and, with `answer` ("Keep from the answer", "Renew at"), `$response`, the
 * answer being read. `$env` is NocoBase's own and is added by the caller.
 */
export function buildSubscriptionVariables(
  step: SubscriptionStepName,
  keptValues: readonly string[],
  labels: SubscriptionVariableLabels,
  { answer = false }: { answer?: boolean } = {},
): VariableNode[] {
  const kept = step === 'subscribe' ? [] : keptValues;
  return [
    {
      key: '$webhook',
      value: '$webhook',
      label: labels.webhook,
      children: [
        { key: '$webhook.url', value: 'url', label: labels.url },
        { key: '$webhook.key', value: 'key', label: labels.key },
      ],
    },
    ...(kept.length
      ? [
          {
            key: '$state',
            value: '$state',
            label: labels.state,
            children: kept.map((name) => ({
              key: `$state.${name}`,
              value: name,
              label: name,
              ...(isTemplateSegment(name) ? {} : { disabled: true }),
            })),
          },
        ]
      : []),
    ...(answer
      ? [
          {
            key: '$response',
            value: '$response',
            label: labels.response,
            children: [
              { key: '$response.status', value: 'status', label: labels.status },
              { key: '$response.body', value: 'body', label: labels.body },
            ],
          },
        ]
      : []),
  ];
}
