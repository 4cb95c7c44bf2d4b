import { Checkbox, Form } from 'antd';
import React from 'react';
import { WEBHOOK_METHODS } from '../../common/types';
import { Section } from '../components/Section';
import { useT } from '../locale';
import { AuthFields } from '../trigger/AuthFields';
import { CallbackResponseFields } from './CallbackResponseFields';
import { CallbackTimeoutFields } from './CallbackTimeoutFields';
import { CallbackUrlNote } from './CallbackUrlNote';

/** The "Wait for callback" node's configuration drawer (both clients). */
export default function CallbackFieldset() {
  const t = useT();
  return (
    <div data-testid="webhook-callback-config">
      <CallbackUrlNote />
      <Section title={t('Callback request')} testId="webhook-callback-section-request">
        <Form.Item
          name={['config', 'methods']}
          label={t('Allowed methods')}
          initialValue={['POST']}
          rules={[{ required: true, type: 'array', min: 1, message: t('Choose at least one method.') }]}
          extra={t('Requests with another method get 405.')}
        >
          <Checkbox.Group
            data-testid="webhook-callback-methods"
            options={WEBHOOK_METHODS.map((method) => ({ label: method, value: method }))}
          />
        </Form.Item>
        {/* The node keeps its credentials at `config.auth`, where the trigger keeps its own. */}
        <AuthFields />
      </Section>
      <Section title={t('How long to wait')} testId="webhook-callback-section-timeout">
        <CallbackTimeoutFields />
      </Section>
      <Section
        title={t('Response')}
        description={t('The answer the caller gets once its request has resumed the run. Later calls get 410.')}
        testId="webhook-callback-section-response"
      >
        <CallbackResponseFields />
      </Section>
    </div>
  );
}
