import React from 'react';
import { FixedResponseFields } from '../components/FixedResponseFields';
import { MethodsField } from '../components/MethodsField';
import { Section } from '../components/Section';
import { useT } from '../locale';
import { AuthFields } from '../trigger/AuthFields';
import { CallbackTimeoutFields } from './CallbackTimeoutFields';
import { CallbackUrlNote } from './CallbackUrlNote';

/** The "Wait for callback" node's configuration drawer (both clients). */
export default function CallbackFieldset() {
  const t = useT();
  return (
    <div data-testid="webhook-callback-config">
      <CallbackUrlNote />
      <Section title={t('Callback request')} testId="webhook-callback-section-request">
        <MethodsField testId="webhook-callback-methods" />
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
        {/* The node's answer lives at `config.response`, as the trigger's async answer does. */}
        <FixedResponseFields testId="webhook-callback-response" />
      </Section>
    </div>
  );
}
