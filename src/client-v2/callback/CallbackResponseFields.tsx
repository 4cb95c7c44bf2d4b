import { Form, InputNumber } from 'antd';
import React from 'react';
import { DEFAULT_ASYNC_RESPONSE } from '../../common/constants';
import { MAX_ANSWER_STATUS, MIN_ANSWER_STATUS } from '../../common/httpRules';
import { HeaderPairList } from '../components/HeaderPairList';
import { ResponseBodyInput } from '../components/ResponseBodyInput';
import { useT } from '../locale';

const RESPONSE = ['config', 'response'];

/** The answer the callback's sender gets once its request has resumed the run. */
export function CallbackResponseFields() {
  const t = useT();
  return (
    <>
      <Form.Item name={[...RESPONSE, 'statusCode']} label={t('Status code')}>
        <InputNumber
          min={MIN_ANSWER_STATUS}
          max={MAX_ANSWER_STATUS}
          precision={0}
          placeholder={String(DEFAULT_ASYNC_RESPONSE.statusCode)}
          data-testid="webhook-callback-response-status"
        />
      </Form.Item>
      <Form.Item label={t('Response headers')}>
        <HeaderPairList name={[...RESPONSE, 'headers']} testId="webhook-callback-response-headers" />
      </Form.Item>
      <Form.Item
        name={[...RESPONSE, 'body']}
        label={t('Response body')}
        extra={t('Empty means "{{body}}".', { body: DEFAULT_ASYNC_RESPONSE.body })}
      >
        <ResponseBodyInput testId="webhook-callback-response-body" />
      </Form.Item>
    </>
  );
}
