import { Form, InputNumber } from 'antd';
import React from 'react';
import { useT } from '../locale';
import { HeaderOrBodyPathFields } from './HeaderOrBodyPathFields';

const IDEMPOTENCY = ['config', 'idempotency'];

/** Where the sender's own delivery id is, so that a retried or duplicated delivery runs only once. */
export function IdempotencyFields() {
  const t = useT();
  return (
    <HeaderOrBodyPathFields
      base={IDEMPOTENCY}
      label={t('Delivery ID')}
      extra={t('A delivery whose ID was already received starts no run and gets the first answer again.')}
      testId="webhook-idempotency"
      headerPlaceholder="X-GitHub-Delivery"
      bodyPathPlaceholder="id"
    >
      <Form.Item
        name={[...IDEMPOTENCY, 'ttl']}
        label={t('Remember IDs for (seconds)')}
        extra={t('Default: 86400 (one day).')}
      >
        <InputNumber min={1} precision={0} placeholder="86400" data-testid="webhook-idempotency-ttl" />
      </Form.Item>
    </HeaderOrBodyPathFields>
  );
}
