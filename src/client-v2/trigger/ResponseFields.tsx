import { Form, InputNumber, Typography } from 'antd';
import React from 'react';
import { DEFAULT_ASYNC_RESPONSE, DEFAULT_SYNC_TIMEOUT_SECONDS } from '../../common/constants';
import { MAX_ANSWER_STATUS, MIN_ANSWER_STATUS } from '../../common/httpRules';
import { HeaderPairList } from '../components/HeaderPairList';
import { ResponseBodyInput } from '../components/ResponseBodyInput';
import { useT } from '../locale';

/** Asynchronous workflows answer at once, with this response. */
export function AsyncResponseFields() {
  const t = useT();
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('The caller is answered at once with this response; the workflow runs afterwards.')}
      </Typography.Paragraph>
      <Form.Item name={['config', 'response', 'statusCode']} label={t('Status code')}>
        <InputNumber
          min={MIN_ANSWER_STATUS}
          max={MAX_ANSWER_STATUS}
          precision={0}
          placeholder={String(DEFAULT_ASYNC_RESPONSE.statusCode)}
          data-testid="webhook-response-status"
        />
      </Form.Item>
      <Form.Item label={t('Response headers')}>
        <HeaderPairList name={['config', 'response', 'headers']} testId="webhook-response-headers" />
      </Form.Item>
      <Form.Item
        name={['config', 'response', 'body']}
        label={t('Response body')}
        extra={t('Empty means "{{body}}".', { body: DEFAULT_ASYNC_RESPONSE.body })}
      >
        <ResponseBodyInput testId="webhook-response-body" />
      </Form.Item>
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
