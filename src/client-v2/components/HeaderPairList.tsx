import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import React from 'react';
import { useT } from '../locale';
import { headerNameRule } from './headerNameRule';

export interface HeaderPairListProps {
  /** Where the rows live in the form, e.g. `['config', 'headers']`. */
  name: string[];
  testId: string;
  /** The editor of a header value; a plain input when absent. */
  renderValue?: (placeholder: string) => React.ReactNode;
}

/** Editable `{ name, value }` rows: headers of an HTTP response. */
export function HeaderPairList({ name, testId, renderValue }: HeaderPairListProps) {
  const t = useT();
  const valuePlaceholder = t('Value');
  return (
    <div data-testid={testId}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" data-testid={`${testId}-row`}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[
                    { required: true, whitespace: true, message: t('Required') },
                    headerNameRule(t),
                  ]}
                  style={{ flex: 1, marginBottom: 8 }}
                >
                  <Input placeholder={t('Header name')} aria-label={t('Header name')} />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} style={{ flex: 2, marginBottom: 8 }}>
                  {renderValue ? renderValue(valuePlaceholder) : <Input placeholder={valuePlaceholder} />}
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('Delete')}
                />
              </Flex>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', value: '' })}>
              {t('Add header')}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}
