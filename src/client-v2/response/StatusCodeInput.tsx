import type { MetaTreeNode } from '@nocobase/flow-engine';
import { WorkflowVariableWrapper } from '@nocobase/plugin-workflow/client-v2';
import { InputNumber } from 'antd';
import React from 'react';
import { MAX_ANSWER_STATUS, MIN_ANSWER_STATUS } from '../../common/httpRules';

export interface StatusCodeInputProps {
  value?: number | string | null;
  onChange?: (value: number | string | null) => void;
  /**
   * The variables the status may name: the canvas's (a node, the default), or a fixed tree, exactly
   * what the server renders the status with (the trigger's immediate answer).
   */
  metaTree?: MetaTreeNode[];
  placeholder?: string;
  testId?: string;
}

/** A status code: a number, or a variable that resolves to one when the answer is sent. */
export function StatusCodeInput({
  value,
  onChange,
  metaTree,
  placeholder = '200',
  testId = 'response-status-code',
}: StatusCodeInputProps) {
  return (
    <WorkflowVariableWrapper<number>
      value={value}
      onChange={onChange}
      // The selector spreads these over its own props: an explicit tree replaces the canvas's.
      selectorProps={metaTree ? { metaTree } : undefined}
      render={(props) => (
        <InputNumber
          min={MIN_ANSWER_STATUS}
          max={MAX_ANSWER_STATUS}
          precision={0}
          placeholder={placeholder}
          value={props.value}
          onChange={(next) => props.onChange?.(next)}
          data-testid={testId}
        />
      )}
    />
  );
}
