import { Form, Input } from 'antd';
import React from 'react';
import { useT } from '../locale';

function jsonObjectRule(message: string) {
  return {
    validator(_rule: unknown, value: unknown) {
      if (typeof value !== 'string' || !value.trim()) {
        return Promise.resolve();
      }
      try {
        const parsed: unknown = JSON.parse(value);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
          return Promise.resolve();
        }
      } catch {
        // reported below
      }
      return Promise.reject(new Error(message));
    },
  };
}

/** "Execute manually": a sample request, run as if it had arrived at the webhook URL. */
export default function WebhookExecuteFieldset() {
  const t = useT();
  return (
    <div data-testid="webhook-execute">
      <Form.Item
        name="headers"
        label={t('Headers')}
        rules={[jsonObjectRule(t('Headers must be a JSON object.'))]}
        extra={t('A JSON object; only the headers listed in the trigger are kept.')}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} placeholder='{"X-Request-Id": "abc-123"}' />
      </Form.Item>
      <Form.Item name="query" label={t('Query parameters')} extra={t('A query string, a full URL or a JSON object.')}>
        <Input placeholder="page=1&filter[status]=paid" />
      </Form.Item>
      <Form.Item name="body" label={t('Body')} extra={t('JSON, or any text.')}>
        <Input.TextArea autoSize={{ minRows: 4 }} placeholder='{"order": {"id": 1}}' />
      </Form.Item>
    </div>
  );
}
