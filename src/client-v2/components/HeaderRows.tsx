import React from 'react';
import { useT } from '../locale';
import { headerNameRule } from './headerNameRule';
import { RowList } from './RowList';
import { TemplateInput, type Variables } from './TemplateInput';

export interface HeaderRowsProps {
  /** Where the rows live in the form, e.g. `['config', 'headers']`. */
  name: string[];
  /** The variables a header value takes. */
  variables: Variables;
  testId: string;
}

/** `{ name, value }` rows: the headers of an answer or of a call to a sender. */
export function HeaderRows({ name, variables, testId }: HeaderRowsProps) {
  const t = useT();
  return (
    <RowList
      name={name}
      fields={['name', 'value']}
      placeholders={[t('Header name'), t('Value')]}
      rules={[{ required: true, whitespace: true, message: t('Required') }, headerNameRule(t)]}
      widths={[1, 2]}
      renderValue={(placeholder, testId) => (
        <TemplateInput variables={variables} placeholder={placeholder} aria-label={placeholder} data-testid={testId} />
      )}
      addText={t('Add header')}
      newRow={{ name: '', value: '' }}
      testId={testId}
    />
  );
}
