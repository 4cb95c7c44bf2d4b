import { Form, InputNumber, Typography } from 'antd';
import React from 'react';
import { DEFAULT_SYNC_TIMEOUT_SECONDS } from '../../common/constants';
import { FixedResponseFields } from '../components/FixedResponseFields';
import { useT } from '../locale';
import { useRequestVariables } from '../variables/useTemplateVariables';

/** Asynchronous workflows answer at once, with this response; it may read the request (`{{$context…}}`). */
export function AsyncResponseFields() {
  const t = useT();
  const variables = useRequestVariables();
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('The caller is answered at once with this response; the workflow runs afterwards.')}
      </Typography.Paragraph>
      <FixedResponseFields testId="webhook-response" variables={variables} />
    </>
  );
}

/** Synchronous workflows answer when the run ends, through an "HTTP Response" node. */
export function SyncResponseFields() {
  const t = useT();
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t(
          'The caller waits for the run. Add an "HTTP Response" node to decide the answer; without one, a finished run answers 200 with its execution ID.',
        )}
      </Typography.Paragraph>
      <Form.Item
        name={['config', 'timeout']}
        label={t('Timeout (seconds)')}
        extra={t('A run still going after this answers 408; it keeps running.')}
      >
        <InputNumber min={1} precision={0} placeholder={String(DEFAULT_SYNC_TIMEOUT_SECONDS)} />
      </Form.Item>
    </>
  );
}
