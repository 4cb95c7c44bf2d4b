import { DeleteOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input } from 'antd';
import React, { useState } from 'react';
import { mergeFieldRules } from '../../common/mergeFieldRules';
import type { SampleKeys } from '../../common/sampleKeys';
import type { FieldRule } from '../../common/types';
import { useT } from '../locale';
import { SamplePanel } from './SamplePanel';

export interface FieldRuleListProps {
  /** Where the rows live in the form, e.g. `['config', 'request', 'body']`. */
  name: string[];
  keyPlaceholder: string;
  addText: string;
  testId: string;
  /** Whether a variable can point at the key; other keys get a warning, as they only arrive as data. */
  reachable: (key: string) => boolean;
  /** Lets the designer fill the list from a pasted sample. */
  sample?: { parse: (text: string) => SampleKeys; buttonText: string; placeholder: string };
}

/** Editable rows of `{ key, alias }`: which request fields to expose, and under which label. */
export function FieldRuleList({ name, keyPlaceholder, addText, testId, reachable, sample }: FieldRuleListProps) {
  const t = useT();
  const form = Form.useFormInstance();
  const { message } = App.useApp();
  const [sampleOpen, setSampleOpen] = useState(false);

  const addKeys = (keys: string[]) => {
    const current = form.getFieldValue(name) as FieldRule[] | undefined;
    const { rules, added } = mergeFieldRules(current, keys);
    form.setFieldValue(name, rules);
    if (added) {
      message.success(t('Added {{number}} new rows.', { number: added }));
    } else {
      message.info(t('Every field of the sample is already listed.'));
    }
  };

  return (
    <div data-testid={testId}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start" data-testid={`${testId}-row`}>
                <Form.Item
                  name={[field.name, 'key']}
                  rules={[
                    { required: true, whitespace: true, message: t('Required') },
                    {
                      warningOnly: true,
                      validator: (_rule, value: unknown) =>
                        typeof value !== 'string' || !value.trim() || reachable(value.trim())
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('Variables cannot point at this name; use ASCII letters.'))),
                    },
                  ]}
                  style={{ flex: 1, marginBottom: 8 }}
                >
                  <Input placeholder={keyPlaceholder} aria-label={keyPlaceholder} />
                </Form.Item>
                <Form.Item name={[field.name, 'alias']} style={{ flex: 1, marginBottom: 8 }}>
                  <Input placeholder={t('Alias (label in variable lists)')} aria-label={t('Alias')} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('Delete')}
                />
              </Flex>
            ))}
            <Flex gap={8} align="center" wrap="wrap">
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ key: '' })}>
                {addText}
              </Button>
              {sample && !sampleOpen ? (
                <Button
                  type="link"
                  size="small"
                  icon={<ImportOutlined />}
                  onClick={() => setSampleOpen(true)}
                  data-testid={`${testId}-sample-open`}
                >
                  {sample.buttonText}
                </Button>
              ) : null}
            </Flex>
          </>
        )}
      </Form.List>
      {sample && sampleOpen ? (
        <SamplePanel
          parse={sample.parse}
          onKeys={addKeys}
          onClose={() => setSampleOpen(false)}
          placeholder={sample.placeholder}
          testId={`${testId}-sample`}
        />
      ) : null}
    </div>
  );
}
