import { CALLBACK_NODE_TYPE } from '../../common/constants';
import type { VariableNode } from './variableTree';

/** The part of a workflow node the designer reads to offer callback variables. */
export interface NodeLike {
  id?: number | string;
  key?: string;
  type?: string;
  title?: string | null;
}

/** Where every run keeps its callback URLs: `$context.callbackUrls.<node key>`. */
export const CALLBACK_URLS_KEY = 'callbackUrls';

/** The variable text that gives a run's callback URL for the node with this key. */
export function callbackUrlTemplate(nodeKey: string): string {
  return `{{$context.${CALLBACK_URLS_KEY}.${nodeKey}}}`;
}

/** The "Wait for callback" nodes of a workflow, in the order the workflow lists them. */
export function callbackNodesOf(nodes: readonly NodeLike[] | null | undefined): Array<NodeLike & { key: string }> {
  return (nodes ?? []).filter(
    (node): node is NodeLike & { key: string } => node?.type === CALLBACK_NODE_TYPE && typeof node.key === 'string',
  );
}

/** A node's title, or its id when it has none, as the canvas names untitled nodes. */
function nodeName(node: NodeLike): string {
  return node.title?.trim() || `#${node.id ?? node.key}`;
}

export interface CallbackUrlLabels {
  /** The group under the trigger's variables. */
  group: string;
  /** One node's URL, given the node's title. */
  url: (title: string) => string;
}

/**
 * `$context.callbackUrls` with one entry per "Wait for callback" node of the workflow, so that any
 * node (one that mails the URL, one that registers it with a provider) can pick it. Null when the
 * workflow has no such node.
 */
export function buildCallbackUrlVariables(
  nodes: readonly NodeLike[] | null | undefined,
  labels: CallbackUrlLabels,
): VariableNode | null {
  const callbackNodes = callbackNodesOf(nodes);
  if (!callbackNodes.length) {
    return null;
  }
  return {
    key: CALLBACK_URLS_KEY,
    value: CALLBACK_URLS_KEY,
    label: labels.group,
    children: callbackNodes.map((node) => ({
      key: `${CALLBACK_URLS_KEY}.${node.key}`,
      value: node.key,
      label: labels.url(nodeName(node)),
    })),
  };
}

export interface CallbackResultLabels {
  callbackUrl: string;
  timedOut: string;
  request: string;
  method: string;
  headers: string;
  query: string;
  body: string;
}

/**
 * A resumed node's result for later nodes' pickers (`$jobsMapByNodeKey.<key>.…`): the URL, whether
 * the wait timed out, and the request that ended it.
 */
export function buildCallbackResultVariables(
  node: NodeLike & { key: string },
  labels: CallbackResultLabels,
): VariableNode {
  const request = ['method', 'headers', 'query', 'body'] as const;
  return {
    key: node.key,
    value: node.key,
    label: nodeName(node),
    children: [
      { key: `${node.key}.callbackUrl`, value: 'callbackUrl', label: labels.callbackUrl },
      { key: `${node.key}.timedOut`, value: 'timedOut', label: labels.timedOut },
      {
        key: `${node.key}.request`,
        value: 'request',
        label: labels.request,
        children: request.map((part) => ({ key: `${node.key}.request.${part}`, value: part, label: labels[part] })),
      },
    ],
  };
}
