import { Flex, Form, Input, InputNumber, Typography } from 'antd';
import React from 'react';
import { isBodySize } from '../../common/accessRules';
import { useT } from '../locale';

const RATE = ['config', 'limits', 'rateLimit'];
const REQUESTS = [...RATE, 'requests'];
const PER = [...RATE, 'per'];

/** A cleared number input gives null, which the server refuses inside `rateLimit`: store nothing instead. */
const blankToUndefined = (value: unknown) => (value == null || value === '' ? undefined : value);

/** How much a sender may send: requests per time window and bytes per body. */
export function LimitsFields() {
  const t = useT();
  const form = Form.useFormInstance();
  // Both numbers or neither: a half-filled limit would be silently ignored by the server.
  const bothOrNeither = (other: (string | number)[]) => ({
    validator: async (_rule: unknown, value: unknown) => {
      if (value == null && form.getFieldValue(other) != null) {
        throw new Error(t('Required'));
      }
    },
  });
  return (
    <>
      <Form.Item
        label={t('Rate limit')}
        extra={t(
          'Optional. Counts only requests that passed authentication and signature checks; beyond the limit they get 429 until the window ends. Refused requests are limited apart, per client address (30 a minute), so wrong credentials never lock the real sender out.',
        )}
      >
        <Flex gap={8} align="start" wrap="wrap" data-testid="webhook-rate-limit">
          <Form.Item
            name={REQUESTS}
            dependencies={[PER]}
            normalize={blankToUndefined}
            rules={[bothOrNeither(PER)]}
            style={{ marginBottom: 0 }}
          >
            <InputNumber
              min={1}
              precision={0}
              placeholder="600"
              addonAfter={t('requests')}
              aria-label={t('requests')}
              data-testid="webhook-rate-limit-requests"
            />
          </Form.Item>
          <Typography.Text style={{ lineHeight: '32px' }}>/</Typography.Text>
          <Form.Item
            name={PER}
            dependencies={[REQUESTS]}
            normalize={blankToUndefined}
            rules={[bothOrNeither(REQUESTS)]}
            style={{ marginBottom: 0 }}
          >
            <InputNumber
              min={1}
              precision={0}
              placeholder="60"
              addonAfter={t('seconds')}
              aria-label={t('seconds')}
              data-testid="webhook-rate-limit-per"
            />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Form.Item
        name={['config', 'limits', 'maxBodySize']}
        label={t('Maximum body size')}
        normalize={blankToUndefined}
        rules={[
          {
            validator: async (_rule: unknown, value: unknown) => {
              if (value != null && value !== '' && !isBodySize(value)) {
                throw new Error(t('Bytes, or a size such as 512kb or 2mb.'));
              }
            },
          },
        ]}
        extra={t('Optional. Larger bodies get 413. Default: 1mb.')}
      >
        <Input placeholder="1mb" autoComplete="off" style={{ maxWidth: 200 }} data-testid="webhook-max-body-size" />
      </Form.Item>
    </>
  );
}
