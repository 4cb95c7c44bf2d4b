import { Alert, Form, InputNumber, Select } from 'antd';
import React from 'react';
import { literalSecretHeaders } from '../../common/subscriptions';
import type { HeaderPair } from '../../common/types';
import { HeaderRows } from '../components/HeaderRows';
import { ResponseBodyInput } from '../components/ResponseBodyInput';
import { TemplateInput } from '../components/TemplateInput';
import { useT } from '../locale';
import type { SubscriptionStepName } from '../variables/templateVariables';
import { useSubscriptionVariables } from '../variables/useTemplateVariables';
import { KeptValuesInput } from './KeptValuesInput';

export type { SubscriptionStepName };

/** The methods the server accepts for a call to the sender's API. */
const STEP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The server only takes absolute URLs, or a template that makes one (`{{$state.url}}`). */
const STEP_URL = /^(https?:\/\/|\{\{)/;

export const subscriptionStepPath = (step: SubscriptionStepName) => ['config', 'subscription', step];

export interface SubscriptionStepFieldsProps {
  step: SubscriptionStepName;
  defaultMethod: string;
  urlPlaceholder: string;
  /** unsubscribe sends no body and keeps nothing from its answer. */
  withAnswer?: boolean;
}

/** One call to the sender's API: method, URL, headers, and for subscribe and refresh, body and what to keep. */
export function SubscriptionStepFields({
  step,
  defaultMethod,
  urlPlaceholder,
  withAnswer,
}: SubscriptionStepFieldsProps) {
  const t = useT();
  const path = subscriptionStepPath(step);
  const testId = `webhook-subscription-${step}`;
  const headers = Form.useWatch([...path, 'headers']) as HeaderPair[] | undefined;
  const literal = literalSecretHeaders(headers);
  // The call's own templates, and those that read its answer.
  const callVariables = useSubscriptionVariables(step);
  const answerVariables = useSubscriptionVariables(step, true);
  return (
    <>
      <Form.Item name={[...path, 'method']} label={t('Method')} initialValue={defaultMethod}>
        <Select
          options={STEP_METHODS.map((method) => ({ label: method, value: method }))}
          style={{ width: 140 }}
          data-testid={`${testId}-method`}
        />
      </Form.Item>
      <Form.Item
        name={[...path, 'url']}
        label={t('URL')}
        rules={[
          { required: true, whitespace: true, message: t('Required') },
          { pattern: STEP_URL, message: t('Starts with http:// or https://, or with a variable.') },
        ]}
      >
        <TemplateInput variables={callVariables} placeholder={urlPlaceholder} data-testid={`${testId}-url`} />
      </Form.Item>
      <Form.Item
        label={t('Headers')}
        extra={t('Write tokens as {{example}}: the secret stays in "Variables and secrets", not in the workflow.', {
          example: 'Bearer {{$env.NAME}}',
        })}
      >
        <HeaderRows name={[...path, 'headers']} variables={callVariables} testId={`${testId}-headers`} />
        {literal.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            data-testid={`${testId}-literal-secret`}
            message={t('{{headers}} holds the secret itself; anyone who may edit workflows can read it.', {
              headers: literal.join(', '),
            })}
          />
        ) : null}
      </Form.Item>
      {withAnswer ? (
        <>
          <Form.Item
            name={[...path, 'body']}
            label={t('Body')}
            extra={t('Sent as JSON; text is sent as a JSON string.')}
          >
            <ResponseBodyInput variables={callVariables} testId={`${testId}-body`} />
          </Form.Item>
          <Form.Item
            name={[...path, 'state']}
            label={t('Keep from the answer')}
            extra={t("Values such as the sender's webhook ID; later calls read them by name, e.g. {{example}}.", {
              example: '{{$state.webhookId}}',
            })}
          >
            <KeptValuesInput variables={answerVariables} testId={`${testId}-state`} />
          </Form.Item>
          <Form.Item
            name={[...path, 'nextRefreshAt']}
            label={t('Renew at')}
            extra={t('When the registration expires, from the answer. Without it, the refresh interval decides.')}
          >
            <TemplateInput
              variables={answerVariables}
              placeholder="{{$response.body.expiresAt}}"
              data-testid={`${testId}-next-refresh`}
            />
          </Form.Item>
        </>
      ) : null}
      {step === 'refresh' ? (
        <Form.Item
          name={[...path, 'every']}
          label={t('Renew every (seconds)')}
          extra={t('Used when the answer gives no renewal time.')}
        >
          <InputNumber min={1} precision={0} placeholder="86400" data-testid={`${testId}-every`} />
        </Form.Item>
      ) : null}
    </>
  );
}
