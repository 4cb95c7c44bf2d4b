import { Alert, Form } from 'antd';
import React from 'react';
import { HeaderRows } from '../components/HeaderRows';
import { ResponseBodyInput } from '../components/ResponseBodyInput';
import { useT } from '../locale';
import { StatusCodeInput } from './StatusCodeInput';

/** The "HTTP Response" node's configuration drawer (both clients). */
export default function ResponseFieldset() {
  const t = useT();
  return (
    <div data-testid="response-node-config">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('This node answers the waiting HTTP request and ends the run; nodes after it never run.')}
      />
      <Form.Item name={['config', 'statusCode']} label={t('Status code')} initialValue={200}>
        <StatusCodeInput />
      </Form.Item>
      <Form.Item label={t('Response headers')}>
        <HeaderRows name={['config', 'headers']} variables="canvas" testId="response-node-headers" />
      </Form.Item>
      <Form.Item
        name={['config', 'body']}
        label={t('Response body')}
        extra={t('Text is sent as text/plain, JSON as application/json, unless a Content-Type header says otherwise.')}
      >
        <ResponseBodyInput variables="canvas" testId="response-node-body" />
      </Form.Item>
    </div>
  );
}
