import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import React, { useEffect, useRef, useState } from 'react';
import { type StateRow, rowsToState, stateToRows } from '../../common/subscriptions';
import { useT } from '../locale';

export interface SubscriptionStateInputProps {
  value?: Record<string, string> | null;
  onChange?: (value: Record<string, string> | undefined) => void;
  disabled?: boolean;
  testId: string;
}

const sameState = (a: Record<string, string> | null | undefined, b: Record<string, string> | null | undefined) =>
  JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/**
 * What to keep from the sender's answer, as `name → template` rows. The server stores a map, but a
 * row being typed has no name yet, so the rows live here and the form gets the map they make.
 */
export function SubscriptionStateInput({ value, onChange, disabled, testId }: SubscriptionStateInputProps) {
  const t = useT();
  const [rows, setRows] = useState<StateRow[]>(() => stateToRows(value));
  // The map these rows last produced: a different value comes from outside (a reset) and replaces them.
  const emitted = useRef(value);
  useEffect(() => {
    if (!sameState(value, emitted.current)) {
      emitted.current = value;
      setRows(stateToRows(value));
    }
  }, [value]);

  const update = (next: StateRow[]) => {
    setRows(next);
    const state = rowsToState(next);
    emitted.current = state;
    onChange?.(state);
  };
  const edit = (index: number, change: Partial<StateRow>) =>
    update(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));

  return (
    <div data-testid={testId}>
      {rows.map((row, index) => (
        <Flex key={index} gap={8} align="start" style={{ marginBottom: 8 }} data-testid={`${testId}-row`}>
          <Input
            value={row.name}
            onChange={(event) => edit(index, { name: event.target.value })}
            placeholder="webhookId"
            aria-label={t('Name')}
            disabled={disabled}
            style={{ flex: 1 }}
            data-testid={`${testId}-name`}
          />
          <Input
            value={row.template}
            onChange={(event) => edit(index, { template: event.target.value })}
            placeholder="{{$response.body.id}}"
            aria-label={t('Template')}
            disabled={disabled}
            style={{ flex: 2 }}
            data-testid={`${testId}-template`}
          />
          <Button
            type="text"
            icon={<DeleteOutlined />}
            onClick={() => update(rows.filter((_row, at) => at !== index))}
            disabled={disabled}
            aria-label={t('Delete')}
          />
        </Flex>
      ))}
      <Button
        type="dashed"
        size="small"
        icon={<PlusOutlined />}
        onClick={() => update([...rows, { name: '', template: '' }])}
        disabled={disabled}
        data-testid={`${testId}-add`}
      >
        {t('Add value')}
      </Button>
    </div>
  );
}
