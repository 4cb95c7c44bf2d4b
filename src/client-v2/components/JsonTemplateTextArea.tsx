import type { MetaTreeNode } from '@nocobase/flow-engine';
import { WorkflowVariableTextArea } from '@nocobase/plugin-workflow/client-v2';
import { Typography } from 'antd';
import React, { useEffect, useRef, useState } from 'react';
import { useT } from '../locale';

export interface JsonTemplateTextAreaProps {
  value?: unknown;
  onChange?: (value: unknown) => void;
  /** The variables the JSON's strings may hold. */
  metaTree: MetaTreeNode[];
  disabled?: boolean;
}

const asText = (value: unknown) => (value == null ? '' : JSON.stringify(value, null, 2));
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * JSON whose strings may hold `{{…}}` variables from a fixed tree. The workflow plugin's JSON
 * editor takes the canvas's variables only, so this one is its text area with an explicit tree:
 * typed as text, handed on parsed when the field is left, as NocoBase's JSON editor does.
 */
export function JsonTemplateTextArea({ value, onChange, metaTree, disabled }: JsonTemplateTextAreaProps) {
  const t = useT();
  // Text being typed is not JSON yet, so it is kept here until the field is left.
  const [text, setText] = useState(() => asText(value));
  const [invalid, setInvalid] = useState(false);
  const handedOn = useRef(value);
  useEffect(() => {
    // A value this editor did not hand on (the saved config arriving) replaces the text.
    if (!sameJson(value, handedOn.current)) {
      handedOn.current = value;
      setText(asText(value));
      setInvalid(false);
    }
  }, [value]);

  const commit = () => {
    try {
      const parsed: unknown = text.trim() ? JSON.parse(text) : null;
      handedOn.current = parsed;
      setInvalid(false);
      setText(asText(parsed));
      onChange?.(parsed);
    } catch {
      setInvalid(true);
    }
  };

  return (
    <>
      <WorkflowVariableTextArea
        value={text}
        onChange={setText}
        onBlur={commit}
        metaTree={metaTree}
        disabled={disabled}
        status={invalid ? 'error' : undefined}
        autoSize={{ minRows: 4 }}
      />
      {invalid ? (
        <Typography.Text type="danger">{t('Not valid JSON; the last valid value is kept.')}</Typography.Text>
      ) : null}
    </>
  );
}
