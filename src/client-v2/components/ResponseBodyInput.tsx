import { JsonTextArea } from '@nocobase/client-v2';
import { WorkflowVariableJsonTextArea, WorkflowVariableTextArea } from '@nocobase/plugin-workflow/client-v2';
import { ConfigProvider, Input, Segmented } from 'antd';
import React, { useState } from 'react';
import { useT } from '../locale';
import { JsonTemplateTextArea } from './JsonTemplateTextArea';
import type { Variables } from './TemplateInput';

type BodyMode = 'text' | 'json';

export interface ResponseBodyInputProps {
  value?: unknown;
  onChange?: (value: unknown) => void;
  /** The variables the body takes: the canvas's (a node), a fixed tree, or none. */
  variables: Variables;
  disabled?: boolean;
  testId: string;
}

function isJsonValue(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

function JsonBody({
  variables,
  ...props
}: {
  value?: unknown;
  onChange?: (value: unknown) => void;
  variables: Variables;
  disabled?: boolean;
}) {
  if (variables === 'canvas') {
    return <WorkflowVariableJsonTextArea {...props} autoSize={{ minRows: 4 }} />;
  }
  if (variables === 'none') {
    return <JsonTextArea {...props} autoSize={{ minRows: 4 }} />;
  }
  return <JsonTemplateTextArea {...props} metaTree={variables} />;
}

/**
 * A body: text (sent as text/plain) or JSON (sent as application/json). The stored value's type is
 * the mode, so nothing else has to be saved.
 */
export function ResponseBodyInput({
  value,
  onChange,
  variables,
  disabled: disabledProp,
  testId,
}: ResponseBodyInputProps) {
  const t = useT();
  // Inputs follow a disabled form by themselves; the mode switch has to be told.
  const { componentDisabled } = ConfigProvider.useConfig();
  const disabled = disabledProp ?? componentDisabled;
  // The mode the designer picked: an emptied JSON body has no type of its own to show it by.
  const [chosen, setChosen] = useState<BodyMode | null>(null);
  const mode: BodyMode = chosen ?? (isJsonValue(value) ? 'json' : 'text');

  const switchMode = (next: BodyMode) => {
    setChosen(next);
    if (next === mode) {
      return;
    }
    if (next === 'text') {
      onChange?.(value == null ? '' : JSON.stringify(value, null, 2));
      return;
    }
    try {
      const parsed: unknown = typeof value === 'string' && value.trim() ? JSON.parse(value) : null;
      onChange?.(isJsonValue(parsed) ? parsed : null);
    } catch {
      onChange?.(null);
    }
  };

  const text = typeof value === 'string' ? value : '';
  const textPlaceholder = t('Text, e.g. ok');
  return (
    <div data-testid={testId}>
      <Segmented<BodyMode>
        size="small"
        value={mode}
        disabled={disabled}
        onChange={switchMode}
        options={[
          { label: t('Text'), value: 'text' },
          { label: 'JSON', value: 'json' },
        ]}
        style={{ marginBottom: 8 }}
      />
      {mode === 'json' ? (
        <JsonBody value={value} onChange={onChange} variables={variables} disabled={disabled} />
      ) : variables === 'none' ? (
        <Input.TextArea
          value={text}
          onChange={(event) => onChange?.(event.target.value)}
          disabled={disabled}
          placeholder={textPlaceholder}
          autoSize={{ minRows: 3 }}
        />
      ) : (
        <WorkflowVariableTextArea
          value={text}
          onChange={(next) => onChange?.(next)}
          metaTree={variables === 'canvas' ? undefined : variables}
          disabled={disabled}
          placeholder={textPlaceholder}
          autoSize={{ minRows: 3 }}
        />
      )}
    </div>
  );
}
