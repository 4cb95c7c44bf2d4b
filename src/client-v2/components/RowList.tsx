import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { Rule } from 'antd/es/form';
import React from 'react';
import { useT } from '../locale';

export interface RowListProps {
  /** Where the rows live in the form, e.g. `['config', 'response', 'headers']`. */
  name: NamePath;
  /** The two fields of a row, e.g. `['name', 'value']`; each input's test id ends with its field. */
  fields: readonly [string, string];
  placeholders: readonly [string, string];
  /** Rules of the first field (the second has none). */
  rules?: Rule[];
  /** The editor of the second field, given its placeholder and test id; a plain input when absent. */
  renderValue?: (placeholder: string, testId: string) => React.ReactNode;
  /** How wide each field is, relative to the other. */
  widths?: readonly [number, number];
  addText: string;
  /** What "add" puts in a new row; the first field, empty, when absent. */
  newRow?: Record<string, string>;
  /** Beside the add button, e.g. "Parse from a sample". */
  actions?: React.ReactNode;
  testId: string;
}

/** Editable two-field rows (headers, request fields, kept values): one `Form.List`. */
export function RowList({
  name,
  fields: [first, second],
  placeholders: [firstPlaceholder, secondPlaceholder],
  rules,
  renderValue,
  widths = [1, 1],
  addText,
  newRow,
  actions,
  testId,
}: RowListProps) {
  const t = useT();
  return (
    <div data-testid={testId}>
      <Form.List name={name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="start" data-testid={`${testId}-row`}>
                <Form.Item name={[row.name, first]} rules={rules} style={{ flex: widths[0], marginBottom: 8 }}>
                  <Input
                    placeholder={firstPlaceholder}
                    aria-label={firstPlaceholder}
                    autoComplete="off"
                    data-testid={`${testId}-${first}`}
                  />
                </Form.Item>
                <Form.Item name={[row.name, second]} style={{ flex: widths[1], marginBottom: 8 }}>
                  {renderValue ? (
                    renderValue(secondPlaceholder, `${testId}-${second}`)
                  ) : (
                    <Input
                      placeholder={secondPlaceholder}
                      aria-label={secondPlaceholder}
                      autoComplete="off"
                      data-testid={`${testId}-${second}`}
                    />
                  )}
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(row.name)}
                  aria-label={t('Delete')}
                />
              </Flex>
            ))}
            <Flex gap={8} align="center" wrap="wrap">
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add(newRow ?? { [first]: '' })}
                data-testid={`${testId}-add`}
              >
                {addText}
              </Button>
              {actions}
            </Flex>
          </>
        )}
      </Form.List>
    </div>
  );
}
