import type { MetaTreeNode } from '@nocobase/flow-engine';
import { WorkflowVariableTextArea } from '@nocobase/plugin-workflow/client-v2';
import { Input } from 'antd';
import React from 'react';

/**
 * Which `{{…}}` variables a templated field takes: the workflow's, as the canvas offers them to a
 * node (`'canvas'`); a fixed tree, exactly what the server renders that template with; or none,
 * for text the server sends as it is.
 */
export type Variables = 'canvas' | 'none' | MetaTreeNode[];

export interface TemplateInputProps {
  value?: string;
  onChange?: (value: string) => void;
  variables: Variables;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** A one-line text with the workflow plugin's variable picker, or a plain input when it takes none. */
export function TemplateInput({ variables, onChange, ...props }: TemplateInputProps) {
  if (variables === 'none') {
    return <Input {...props} onChange={(event) => onChange?.(event.target.value)} />;
  }
  return (
    <WorkflowVariableTextArea
      {...props}
      onChange={onChange}
      autoSize={{ minRows: 1 }}
      metaTree={variables === 'canvas' ? undefined : variables}
    />
  );
}
