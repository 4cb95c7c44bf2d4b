import { Form, Input, InputNumber, Radio } from 'antd';
import React from 'react';
import { useT } from '../locale';

type Source = 'none' | 'header' | 'bodyPath';

const HEADER = ['config', 'idempotency', 'header'];
const BODY_PATH = ['config', 'idempotency', 'bodyPath'];
const TTL = ['config', 'idempotency', 'ttl'];

/**
 * Where the sender's own delivery id is, so that a retried or duplicated delivery runs only once.
 * The source is the field that is set, even empty while it is being typed. The server reads
 * `header` first, so choosing one source clears the other.
 */
export function IdempotencyFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const header = Form.useWatch(HEADER, { preserve: true }) as string | null | undefined;
  const bodyPath = Form.useWatch(BODY_PATH, { preserve: true }) as string | null | undefined;
  const source: Source = typeof header === 'string' ? 'header' : typeof bodyPath === 'string' ? 'bodyPath' : 'none';

  const choose = (next: Source) => {
    form.setFieldValue(HEADER, next === 'header' ? '' : undefined);
    form.setFieldValue(BODY_PATH, next === 'bodyPath' ? '' : undefined);
  };

  return (
    <>
      <Form.Item
        label={t('Delivery ID')}
        extra={t('A delivery whose ID was already received starts no run and gets the first answer again.')}
      >
        <Radio.Group
          value={source}
          onChange={(event) => choose(event.target.value as Source)}
          data-testid="webhook-idempotency-source"
          options={[
            { label: t('None'), value: 'none' },
            { label: t('From a header'), value: 'header' },
            { label: t('From a body path'), value: 'bodyPath' },
          ]}
        />
      </Form.Item>
      {source === 'header' ? (
        <Form.Item
          name={HEADER}
          label={t('Header name')}
          rules={[{ required: true, whitespace: true, message: t('Required') }]}
        >
          <Input placeholder="X-GitHub-Delivery" autoComplete="off" data-testid="webhook-idempotency-header" />
        </Form.Item>
      ) : null}
      {source === 'bodyPath' ? (
        <Form.Item
          name={BODY_PATH}
          label={t('Body path')}
          rules={[{ required: true, whitespace: true, message: t('Required') }]}
        >
          <Input placeholder="id" autoComplete="off" data-testid="webhook-idempotency-body-path" />
        </Form.Item>
      ) : null}
      {source !== 'none' ? (
        <Form.Item name={TTL} label={t('Remember IDs for (seconds)')} extra={t('Default: 86400 (one day).')}>
          <InputNumber min={1} precision={0} placeholder="86400" data-testid="webhook-idempotency-ttl" />
        </Form.Item>
      ) : null}
    </>
  );
}
