import { Form, Input, Radio } from 'antd';
import React from 'react';
import { useT } from '../locale';

type Source = 'none' | 'header' | 'bodyPath';

export interface HeaderOrBodyPathFieldsProps {
  /** The setting holding `header` and `bodyPath`, e.g. `['config', 'idempotency']`. */
  base: string[];
  label: string;
  extra: React.ReactNode;
  /** Prefixes the test ids: `<testId>-source`, `-header`, `-body-path`. */
  testId: string;
  headerPlaceholder: string;
  bodyPathPlaceholder: string;
  /** More fields, shown while a source is chosen. */
  children?: React.ReactNode;
}

/**
 * A value the sender puts in a header or in the body: the source is the field that is set, even
 * empty while it is being typed. The server reads `header` first, so choosing one source clears
 * the other.
 */
export function HeaderOrBodyPathFields({
  base,
  label,
  extra,
  testId,
  headerPlaceholder,
  bodyPathPlaceholder,
  children,
}: HeaderOrBodyPathFieldsProps) {
  const t = useT();
  const form = Form.useFormInstance();
  const headerName = [...base, 'header'];
  const bodyPathName = [...base, 'bodyPath'];
  const header = Form.useWatch(headerName, { preserve: true }) as string | null | undefined;
  const bodyPath = Form.useWatch(bodyPathName, { preserve: true }) as string | null | undefined;
  const source: Source = typeof header === 'string' ? 'header' : typeof bodyPath === 'string' ? 'bodyPath' : 'none';

  const choose = (next: Source) => {
    form.setFieldValue(headerName, next === 'header' ? '' : undefined);
    form.setFieldValue(bodyPathName, next === 'bodyPath' ? '' : undefined);
  };

  return (
    <>
      <Form.Item label={label} extra={extra}>
        <Radio.Group
          value={source}
          onChange={(event) => choose(event.target.value as Source)}
          data-testid={`${testId}-source`}
          options={[
            { label: t('None'), value: 'none' },
            { label: t('From a header'), value: 'header' },
            { label: t('From a body path'), value: 'bodyPath' },
          ]}
        />
      </Form.Item>
      {source === 'header' ? (
        <Form.Item
          name={headerName}
          label={t('Header name')}
          rules={[{ required: true, whitespace: true, message: t('Required') }]}
        >
          <Input placeholder={headerPlaceholder} autoComplete="off" data-testid={`${testId}-header`} />
        </Form.Item>
      ) : null}
      {source === 'bodyPath' ? (
        <Form.Item
          name={bodyPathName}
          label={t('Body path')}
          rules={[{ required: true, whitespace: true, message: t('Required') }]}
        >
          <Input placeholder={bodyPathPlaceholder} autoComplete="off" data-testid={`${testId}-body-path`} />
        </Form.Item>
      ) : null}
      {source !== 'none' ? children : null}
    </>
  );
}
