import { Checkbox, Form } from 'antd';
import React from 'react';
import { WEBHOOK_METHODS } from '../../common/types';
import { useT } from '../locale';

/** `config.methods`: which HTTP methods a URL takes (the trigger's and the callback node's alike). */
export function MethodsField({ testId }: { testId: string }) {
  const t = useT();
  return (
    <Form.Item
      name={['config', 'methods']}
      label={t('Allowed methods')}
      initialValue={['POST']}
      rules={[{ required: true, type: 'array', min: 1, message: t('Choose at least one method.') }]}
      extra={t('Requests with another method get 405.')}
    >
      <Checkbox.Group
        data-testid={testId}
        options={WEBHOOK_METHODS.map((method) => ({ label: method, value: method }))}
      />
    </Form.Item>
  );
}
