import { ImportOutlined } from '@ant-design/icons';
import { App, Button, Form } from 'antd';
import React, { useState } from 'react';
import { mergeFieldRules } from '../../common/mergeFieldRules';
import type { SampleKeys } from '../../common/sampleKeys';
import type { FieldRule } from '../../common/types';
import { useT } from '../locale';
import { RowList } from './RowList';
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

/** Rows of `{ key, alias }`: which request fields to expose, and under which label. */
export function FieldRuleList({ name, keyPlaceholder, addText, testId, reachable, sample }: FieldRuleListProps) {
  const t = useT();
  const form = Form.useFormInstance();
  const { message } = App.useApp();
  const [sampleOpen, setSampleOpen] = useState(false);

  const addKeys = (keys: string[]) => {
    const { rules, added } = mergeFieldRules(form.getFieldValue(name) as FieldRule[] | undefined, keys);
    form.setFieldValue(name, rules);
    if (added) {
      message.success(t('Added {{number}} new rows.', { number: added }));
    } else {
      message.info(t('Every field of the sample is already listed.'));
    }
  };

  return (
    <div>
      <RowList
        name={name}
        fields={['key', 'alias']}
        placeholders={[keyPlaceholder, t('Alias (label in variable lists)')]}
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
        addText={addText}
        testId={testId}
        actions={
          sample && !sampleOpen ? (
            <Button
              type="link"
              size="small"
              icon={<ImportOutlined />}
              onClick={() => setSampleOpen(true)}
              data-testid={`${testId}-sample-open`}
            >
              {sample.buttonText}
            </Button>
          ) : null
        }
      />
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
