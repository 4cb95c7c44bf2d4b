import { isTemplateSegment, splitFieldPath } from '../../common/fieldPath';
import type { FieldRule, UploadedFile, WebhookTriggerConfig } from '../../common/types';

/**
 * One entry of a workflow variable picker. Pickers join the `value`s from the root down with dots,
 * so `body` → `order` → `id` becomes `{{$context.body.order.id}}`.
 */
export interface VariableNode {
  key: string;
  value: string;
  label: string;
  children?: VariableNode[];
  /** Set when templates cannot reach this key (see `isTemplateSegment`): shown, not selectable. */
  disabled?: boolean;
}

interface TrieNode {
  segment: string;
  alias?: string;
  children: Map<string, TrieNode>;
}

export interface FieldTreeOptions {
  /** Header names are one segment each and arrive lower-cased in the trigger context. */
  header?: boolean;
}

/**
 * The picker tree of one request part: each configured path becomes nested entries
 * (`items[0].sku` → items → 0 → sku), labelled with its alias when one is set.
 */
export function buildFieldTree(
  rules: FieldRule[] | undefined,
  prefix: string,
  options: FieldTreeOptions = {},
): VariableNode[] {
  const root: TrieNode = { segment: '', children: new Map() };
  for (const rule of rules ?? []) {
    const key = typeof rule?.key === 'string' ? rule.key.trim() : '';
    if (!key) {
      continue;
    }
    const segments = options.header ? [key.toLowerCase()] : splitFieldPath(key);
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) {
        child = { segment, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    const alias = typeof rule.alias === 'string' ? rule.alias.trim() : '';
    if (alias && !node.alias && node !== root) {
      node.alias = alias;
    }
  }
  return toNodes(root, prefix);
}

function toNodes(parent: TrieNode, prefix: string): VariableNode[] {
  return Array.from(parent.children.values()).map((node) => {
    const key = `${prefix}.${node.segment}`;
    const children = toNodes(node, key);
    return {
      key,
      value: node.segment,
      label: node.alias ?? node.segment,
      ...(children.length ? { children } : {}),
      ...(isTemplateSegment(node.segment) ? {} : { disabled: true }),
    };
  });
}

export interface TriggerVariableLabels {
  method: string;
  headers: string;
  query: string;
  body: string;
  rawBody: string;
  files: string;
  event: string;
  eventType: string;
  attempt: string;
  /** The fields of each uploaded file, by their key in `$context.files[]`. */
  file: Record<keyof UploadedFile, string>;
}

/** The fields of an uploaded file, in the order a picker lists them. */
const FILE_FIELDS: (keyof UploadedFile)[] = ['url', 'filename', 'mimeType', 'size', 'field', 'attachmentId'];

/** Deliveries are split into events only for asynchronous workflows with a path to the events. */
export function splitsEvents(config: Pick<WebhookTriggerConfig, 'events'> | undefined, sync: boolean): boolean {
  return !sync && typeof config?.events?.path === 'string' && config.events.path.trim() !== '';
}

/**
 * The request as `{{$context.…}}` holds it: the method, the headers, query and body trees built
 * from the configured rows (a part without rows is still offered whole), the raw body when the
 * trigger keeps it, and the uploaded files of a multipart body. Picking a field under files gives
 * that field of every file. This is what the immediate answer of an asynchronous workflow is
 * rendered with.
 */
export function buildRequestVariables(
  config: Pick<WebhookTriggerConfig, 'request' | 'rawBody'> | undefined,
  labels: TriggerVariableLabels,
): VariableNode[] {
  const request = config?.request;
  const part = (name: 'headers' | 'query' | 'body', children: VariableNode[]): VariableNode => ({
    key: name,
    value: name,
    label: labels[name],
    ...(children.length ? { children } : {}),
  });
  return [
    { key: 'method', value: 'method', label: labels.method },
    part('headers', buildFieldTree(request?.headers, 'headers', { header: true })),
    part('query', buildFieldTree(request?.query, 'query')),
    part('body', buildFieldTree(request?.body, 'body')),
    ...(config?.rawBody ? [{ key: 'rawBody', value: 'rawBody', label: labels.rawBody }] : []),
    {
      key: 'files',
      value: 'files',
      label: labels.files,
      children: FILE_FIELDS.map((field) => ({ key: `files.${field}`, value: field, label: labels.file[field] })),
    },
  ];
}

/** The trigger names where a delivery's event type is (`config.eventType`), for either workflow. */
export function readsEventType(config: Pick<WebhookTriggerConfig, 'eventType'> | undefined): boolean {
  const rule = config?.eventType;
  return Boolean(rule?.header?.trim() || rule?.bodyPath?.trim());
}

/** Failed runs are retried only for asynchronous workflows whose `retry` gives more than one attempt. */
export function retriesRuns(config: Pick<WebhookTriggerConfig, 'retry'> | undefined, sync: boolean): boolean {
  const attempts = config?.retry?.attempts;
  return !sync && typeof attempts === 'number' && attempts > 1;
}

/**
 * Everything a webhook run offers as `{{$context.…}}`: the request, one event when deliveries are
 * split into events, the event type when the events or the trigger's `eventType` give one, and
 * which attempt the run is when failed runs are retried.
 */
export function buildTriggerVariables(
  config: Pick<WebhookTriggerConfig, 'request' | 'rawBody' | 'events' | 'eventType' | 'retry'> | undefined,
  labels: TriggerVariableLabels,
  options: { sync?: boolean } = {},
): VariableNode[] {
  const request = buildRequestVariables(config, labels);
  const sync = Boolean(options.sync);
  const split = splitsEvents(config, sync);
  const extra: VariableNode[] = [
    ...(split ? [{ key: 'event', value: 'event', label: labels.event }] : []),
    ...(split || readsEventType(config) ? [{ key: 'eventType', value: 'eventType', label: labels.eventType }] : []),
    ...(retriesRuns(config, sync) ? [{ key: 'attempt', value: 'attempt', label: labels.attempt }] : []),
  ];
  // Offered before the files, which close the list.
  return extra.length ? [...request.slice(0, -1), ...extra, ...request.slice(-1)] : request;
}

/**
 * Request values are text, numbers, booleans or JSON, never records: a picker that asks only for
 * record references or matches fields by predicate gets nothing from the trigger.
 */
export function acceptsRequestValues(types: readonly unknown[] | undefined): boolean {
  return !types || types.some((type) => typeof type === 'string');
}
