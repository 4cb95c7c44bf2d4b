import type { MetaTreeNode } from '@nocobase/flow-engine';
import { Form } from 'antd';
import React from 'react';
import { rowsToState, type StateRow, stateToRows } from '../../common/subscriptions';
import { RowList } from '../components/RowList';
import { TemplateInput } from '../components/TemplateInput';
import { useT } from '../locale';

export interface KeptValuesInputProps {
  value?: Record<string, string> | null;
  onChange?: (value: Record<string, string> | undefined) => void;
  /** What the templates may read: the answer, among others. */
  variables: MetaTreeNode[];
  testId: string;
}

/**
 * What to keep from the sender's answer, as `name → template` rows. The server stores a map, but a
 * row being typed has no name yet, so the rows are a list of their own form, read from the map
 * when the step is shown, and each change hands the form around it the map they make.
 */
export function KeptValuesInput({ value, onChange, variables, testId }: KeptValuesInputProps) {
  const t = useT();
  const [rows] = Form.useForm<{ rows: StateRow[] }>();
  return (
    <Form
      form={rows}
      component={false}
      initialValues={{ rows: stateToRows(value) }}
      onValuesChange={(_changed, all) =>
        onChange?.(
          rowsToState((all.rows ?? []).map((row) => ({ name: row?.name ?? '', template: row?.template ?? '' }))),
        )
      }
    >
      <RowList
        name="rows"
        fields={['name', 'template']}
        placeholders={['webhookId', '{{$response.body.id}}']}
        widths={[1, 2]}
        renderValue={(placeholder, id) => (
          <TemplateInput variables={variables} placeholder={placeholder} aria-label={t('Template')} data-testid={id} />
        )}
        addText={t('Add value')}
        newRow={{ name: '', template: '' }}
        testId={testId}
      />
    </Form>
  );
}
