import { Form, InputNumber } from 'antd';
import React from 'react';
import { DEFAULT_ASYNC_RESPONSE } from '../../common/constants';
import { MAX_ANSWER_STATUS, MIN_ANSWER_STATUS } from '../../common/httpRules';
import { useT } from '../locale';
import { HeaderPairList } from './HeaderPairList';
import { ResponseBodyInput } from './ResponseBodyInput';

const RESPONSE = ['config', 'response'];

/**
 * A fixed answer, `config.response` (status, headers, body), as the trigger gives an async sender
 * and the "Wait for callback" node gives the callback's sender. `testId` prefixes the fields' ids.
 */
export function FixedResponseFields({ testId }: { testId: string }) {
  const t = useT();
  return (
    <>
      <Form.Item name={[...RESPONSE, 'statusCode']} label={t('Status code')}>
        <InputNumber
          min={MIN_ANSWER_STATUS}
          max={MAX_ANSWER_STATUS}
          precision={0}
          placeholder={String(DEFAULT_ASYNC_RESPONSE.statusCode)}
          data-testid={`${testId}-status`}
        />
      </Form.Item>
      <Form.Item label={t('Response headers')}>
        <HeaderPairList name={[...RESPONSE, 'headers']} testId={`${testId}-headers`} />
      </Form.Item>
      <Form.Item
        name={[...RESPONSE, 'body']}
        label={t('Response body')}
        extra={t('Empty means "{{body}}".', { body: DEFAULT_ASYNC_RESPONSE.body })}
      >
        <ResponseBodyInput testId={`${testId}-body`} />
      </Form.Item>
    </>
  );
}
