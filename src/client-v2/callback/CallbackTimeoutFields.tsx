import { Form, InputNumber, Radio } from 'antd';
import React from 'react';
import { useT } from '../locale';

const TIMEOUT = ['config', 'timeout'];
const ON_TIMEOUT = ['config', 'onTimeout'];

/** How long the run waits, and what happens when nothing came by then. */
export function CallbackTimeoutFields() {
  const t = useT();
  const timeout = Form.useWatch(TIMEOUT) as number | null | undefined;
  return (
    <>
      <Form.Item
        name={TIMEOUT}
        label={t('Timeout (seconds)')}
        extra={t('Empty: the run waits until the callback comes.')}
      >
        <InputNumber min={1} precision={0} placeholder="86400" data-testid="webhook-callback-timeout" />
      </Form.Item>
      {timeout ? (
        <Form.Item name={ON_TIMEOUT} label={t('After the timeout')} initialValue="fail">
          <Radio.Group
            data-testid="webhook-callback-on-timeout"
            options={[
              { label: t('Fail the node'), value: 'fail' },
              { label: t('Continue, with "Timed out" set in the result'), value: 'continue' },
            ]}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
