import { WorkflowVariableWrapper } from '@nocobase/plugin-workflow/client-v2';
import { InputNumber } from 'antd';
import React from 'react';
import { MAX_ANSWER_STATUS, MIN_ANSWER_STATUS } from '../../common/httpRules';

export interface StatusCodeInputProps {
  value?: number | string | null;
  onChange?: (value: number | string | null) => void;
}

/** A status code: a number, or a variable that resolves to one when the node runs. */
export function StatusCodeInput({ value, onChange }: StatusCodeInputProps) {
  return (
    <WorkflowVariableWrapper<number>
      value={value}
      onChange={onChange}
      render={(props) => (
        <InputNumber
          min={MIN_ANSWER_STATUS}
          max={MAX_ANSWER_STATUS}
          precision={0}
          placeholder="200"
          value={props.value}
          onChange={(next) => props.onChange?.(next)}
          data-testid="response-status-code"
        />
      )}
    />
  );
}
