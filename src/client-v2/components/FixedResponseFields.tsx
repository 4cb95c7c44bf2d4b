import type { MetaTreeNode } from '@nocobase/flow-engine';
import { Form, InputNumber } from 'antd';
import React from 'react';
import { DEFAULT_ASYNC_RESPONSE } from '../../common/constants';
import { MAX_ANSWER_STATUS, MIN_ANSWER_STATUS } from '../../common/httpRules';
import { useT } from '../locale';
import { StatusCodeInput } from '../response/StatusCodeInput';
import { HeaderRows } from './HeaderRows';
import { ResponseBodyInput } from './ResponseBodyInput';

const RESPONSE = ['config', 'response'];

export interface FixedResponseFieldsProps {
  /** Prefixes the fields' test ids. */
  testId: string;
  /** The variables the header values and the body are rendered with; none when absent. */
  variables?: MetaTreeNode[];
}

/**
 * A fixed answer, `config.response` (status, headers, body), as the trigger gives an async sender
 * and the "Wait for callback" node gives the callback's sender.
 */
export function FixedResponseFields({ testId, variables }: FixedResponseFieldsProps) {
  const t = useT();
  return (
    <>
      <Form.Item name={[...RESPONSE, 'statusCode']} label={t('Status code')}>
        {variables ? (
          <StatusCodeInput
            metaTree={variables}
            placeholder={String(DEFAULT_ASYNC_RESPONSE.statusCode)}
            testId={`${testId}-status`}
          />
        ) : (
          <InputNumber
            min={MIN_ANSWER_STATUS}
            max={MAX_ANSWER_STATUS}
            precision={0}
            placeholder={String(DEFAULT_ASYNC_RESPONSE.statusCode)}
            data-testid={`${testId}-status`}
          />
        )}
      </Form.Item>
      <Form.Item label={t('Response headers')}>
        <HeaderRows name={[...RESPONSE, 'headers']} variables={variables ?? 'none'} testId={`${testId}-headers`} />
      </Form.Item>
      <Form.Item
        name={[...RESPONSE, 'body']}
        label={t('Response body')}
        extra={t('Empty means "{{body}}".', { body: DEFAULT_ASYNC_RESPONSE.body })}
      >
        <ResponseBodyInput variables={variables ?? 'none'} testId={`${testId}-body`} />
      </Form.Item>
    </>
  );
}
