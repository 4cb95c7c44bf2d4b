import { Form, Switch } from 'antd';
import React from 'react';
import { useT } from '../locale';

/** Keeps the body exactly as received, for nodes that must check or forward it byte for byte. */
export function RawBodyField() {
  const t = useT();
  return (
    <Form.Item
      name={['config', 'rawBody']}
      label={t('Keep raw body')}
      valuePropName="checked"
      extra={t('$context.rawBody holds the body as received (base64 when not UTF-8).')}
    >
      <Switch data-testid="webhook-raw-body" />
    </Form.Item>
  );
}
