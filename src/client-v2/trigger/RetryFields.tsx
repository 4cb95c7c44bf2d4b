import { EXECUTION_STATUS, EXECUTION_STATUS_OPTIONS_MAP } from '@nocobase/plugin-workflow/dist/common/executionStatus';
import { Alert, Checkbox, Form, InputNumber, Radio, Tooltip } from 'antd';
import React from 'react';
import { RETRYABLE_OUTCOMES, type RetryableOutcome } from '../../common/types';
import { useT } from '../locale';

const RETRY = ['config', 'retry'];
const ATTEMPTS = [...RETRY, 'attempts'];
const DELAY = [...RETRY, 'delay'];

/** The server refuses more: past that many runs a failure is not transient and needs a person. */
const MAX_ATTEMPTS = 20;

/** What the server assumes for a setting left empty; shown as chosen so the form reads as it runs. */
const DEFAULT_BACKOFF = 'exponential';
const DEFAULT_ON: RetryableOutcome[] = ['failed', 'error'];

/** NocoBase's execution status of each outcome a retry may follow, for its own label and description. */
const STATUS_OF_OUTCOME: Record<RetryableOutcome, number> = {
  failed: EXECUTION_STATUS.FAILED,
  error: EXECUTION_STATUS.ERROR,
  aborted: EXECUTION_STATUS.ABORTED,
};

/** A cap below the first wait would make the first wait meaningless; the server refuses it too. */
function notBelowDelay(message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string[]) => unknown }) => ({
    validator: async (_rule: unknown, maxDelay: unknown) => {
      const delay = getFieldValue(DELAY);
      if (typeof maxDelay === 'number' && typeof delay === 'number' && maxDelay < delay) {
        throw new Error(message);
      }
    },
  });
}

/** Unticking every outcome would retry nothing: that is an attempts of 1, not an empty list. */
function atLeastOne(message: string) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      if (Array.isArray(value) && !value.length) {
        throw new Error(message);
      }
    },
  };
}

/** Runs a stored delivery again when its run fails: how often, how long apart, after which outcomes. */
export function RetryFields() {
  const t = useT();
  const attempts = Form.useWatch(ATTEMPTS, { preserve: true }) as number | null | undefined;
  const retries = typeof attempts === 'number' && attempts > 1;

  return (
    <>
      <Form.Item
        name={ATTEMPTS}
        label={t('Attempts')}
        extra={t('Runs in all, the first included. 1 runs once and never retries (default).')}
      >
        <InputNumber min={1} max={MAX_ATTEMPTS} precision={0} placeholder="1" data-testid="webhook-retry-attempts" />
      </Form.Item>
      {retries ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="webhook-retry-help"
            message={t(
              'A retry runs the whole workflow again from its first node: nodes with side effects (creating records, sending messages, calling other systems) should be idempotent. A run reads which attempt it is as {{variable}}.',
              { variable: '{{$context.attempt}}' },
            )}
          />
          <Form.Item
            name={DELAY}
            label={t('First delay')}
            extra={t('Seconds before the first retry, at least 1. Default: 30. Each wait varies by up to 20 %.')}
          >
            <InputNumber
              min={1}
              precision={0}
              placeholder="30"
              addonAfter={t('seconds')}
              data-testid="webhook-retry-delay"
            />
          </Form.Item>
          <Form.Item
            name={[...RETRY, 'backoff']}
            label={t('Backoff')}
            getValueProps={(value) => ({ value: value ?? DEFAULT_BACKOFF })}
          >
            <Radio.Group data-testid="webhook-retry-backoff">
              <Radio value="exponential">{t('Exponential (the wait doubles each time)')}</Radio>
              <Radio value="fixed">{t('Fixed')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name={[...RETRY, 'maxDelay']}
            label={t('Maximum delay')}
            dependencies={[DELAY]}
            rules={[notBelowDelay(t('At least the first delay'))]}
            extra={t('No wait is longer. Default: 3600 (one hour).')}
          >
            <InputNumber
              min={1}
              precision={0}
              placeholder="3600"
              addonAfter={t('seconds')}
              data-testid="webhook-retry-max-delay"
            />
          </Form.Item>
          <Form.Item
            name={[...RETRY, 'on']}
            label={t('Retry runs that ended')}
            getValueProps={(value) => ({ value: value ?? DEFAULT_ON })}
            rules={[atLeastOne(t('Choose at least one'))]}
            extra={t('Rejected and canceled runs were chosen by a person and are never retried.')}
          >
            <Checkbox.Group data-testid="webhook-retry-on">
              {RETRYABLE_OUTCOMES.map((outcome) => {
                const status = EXECUTION_STATUS_OPTIONS_MAP[String(STATUS_OF_OUTCOME[outcome])];
                return (
                  <Checkbox key={outcome} value={outcome}>
                    <Tooltip title={status?.description ? t(status.description) : undefined}>
                      {status ? t(status.label) : outcome}
                    </Tooltip>
                  </Checkbox>
                );
              })}
            </Checkbox.Group>
          </Form.Item>
        </>
      ) : null}
    </>
  );
}
