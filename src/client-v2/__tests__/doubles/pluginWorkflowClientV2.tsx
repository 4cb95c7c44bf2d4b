/**
 * TEST DOUBLE of @nocobase/plugin-workflow/client-v2 (see README.md here). Not the real module: the
 * page provides that one. The variable inputs are antd inputs; one given an explicit `metaTree` also
 * has a native select, labelled "Variables", listing what the real picker would offer (as it would
 * write them), and choosing one appends it, as picking does. One without a tree offers the canvas's
 * variables, which tests do not model: it is marked `data-variables="canvas"`.
 */
import type {
  CanvasNode,
  WorkflowVariableTextAreaProps,
  WorkflowVariableInputProps,
} from '@nocobase/plugin-workflow/client-v2';
import type { MetaTreeNode } from '@nocobase/flow-engine';
import { Input } from 'antd';
import React, { createContext, useContext } from 'react';
import { JsonTextArea } from './clientV2';

/** Every variable of a tree, written as a picker writes it. */
export function offeredVariables(tree: readonly MetaTreeNode[]): string[] {
  return tree.flatMap((node) => [
    `{{${node.paths.join('.')}}}`,
    ...(Array.isArray(node.children) ? offeredVariables(node.children) : []),
  ]);
}

function VariablePicker({
  tree,
  value,
  onChange,
}: {
  tree: MetaTreeNode[];
  value: string;
  onChange?: (value: string) => void;
}) {
  return (
    <select aria-label="Variables" value="" onChange={(event) => onChange?.(`${value}${event.target.value}`)}>
      <option value="" />
      {offeredVariables(tree).map((variable) => (
        <option key={variable} value={variable}>
          {variable}
        </option>
      ))}
    </select>
  );
}

export function WorkflowVariableTextArea({
  metaTree,
  variableOptions,
  delimiters,
  value,
  onChange,
  ...props
}: WorkflowVariableTextAreaProps) {
  const text = value ?? '';
  return (
    <span data-variables={metaTree ? offeredVariables(metaTree).join(' ') : 'canvas'}>
      <Input.TextArea {...props} value={text} onChange={(event) => onChange?.(event.target.value)} />
      {metaTree ? <VariablePicker tree={metaTree} value={text} onChange={onChange} /> : null}
    </span>
  );
}

export function WorkflowVariableInput({
  metaTree,
  variableOptions,
  value,
  onChange,
  ...props
}: WorkflowVariableInputProps) {
  const text = value ?? '';
  return (
    <span data-variables={metaTree ? offeredVariables(metaTree).join(' ') : 'canvas'}>
      <Input {...props} value={text} onChange={(event) => onChange?.(event.target.value)} />
      {metaTree ? <VariablePicker tree={metaTree} value={text} onChange={onChange} /> : null}
    </span>
  );
}

export function WorkflowVariableJsonTextArea({
  variableOptions,
  ...props
}: React.ComponentProps<typeof JsonTextArea> & { variableOptions?: unknown }) {
  return (
    <span data-variables="canvas">
      <JsonTextArea {...props} />
    </span>
  );
}

/** A value input beside a picker; a picked variable replaces the value, as the real selector does. */
export function WorkflowVariableWrapper<T>({
  value,
  onChange,
  render,
  selectorProps,
}: {
  value?: T | string | null;
  onChange?: (value: T | string | null) => void;
  render: (props: { value?: T | string | null; onChange?: (value: T | string | null) => void }) => React.ReactNode;
  selectorProps?: { metaTree?: MetaTreeNode[] };
}) {
  const tree = selectorProps?.metaTree;
  return (
    <span data-variables={tree ? offeredVariables(tree).join(' ') : 'canvas'}>
      {typeof value === 'string' && value.startsWith('{{') ? <code>{value}</code> : render({ value, onChange })}
      {tree ? <VariablePicker tree={tree} value="" onChange={onChange} /> : null}
    </span>
  );
}

export const CurrentWorkflowContext = createContext<Record<string, unknown>>({});
export const useCurrentWorkflowContext = () => useContext(CurrentWorkflowContext);
export const WorkflowVariableSourceContext = createContext<Record<string, unknown> | null>(null);
export const NodeContext = createContext<CanvasNode | null>(null);
export const useNodeContext = () => useContext(NodeContext);
/** The canvas's own context (not the flow engine's): the workflow, its nodes, an execution. */
export const FlowContext = createContext<Record<string, unknown> | null>(null);
export const useFlowContext = () => useContext(FlowContext);

export function NodeDefaultView({ data, cardExtra }: { data: CanvasNode; cardExtra?: React.ReactNode }) {
  return (
    <div data-testid="node-card">
      {data.title}
      {cardExtra}
    </div>
  );
}

export class Instruction {}
export class Trigger {}

export const WORKFLOW_EXECUTION_SETTINGS_ROUTE_PATH = '/admin/settings/workflow/executions/:id';

export function getWorkflowExecutionPath(id: string | number) {
  return `/admin/workflow/executions/${id}`;
}
