import { Card, Form, Switch } from 'antd';
import React from 'react';
import type { SubscriptionStep } from '../../common/types';
import { useT } from '../locale';
import { RegisteredUrlNote } from './RegisteredUrlNote';
import { SubscriptionStatusView } from './SubscriptionStatusView';
import { type SubscriptionStepName, SubscriptionStepFields, subscriptionStepPath } from './SubscriptionStepFields';

const SUBSCRIPTION = ['config', 'subscription'];

/**
 * Whether a step is on: it is while it has a URL, even an empty one being typed. Turning it off
 * drops the step, since the server runs every step that has a URL; turning it on starts one.
 */
function useStepSwitch(path: string[]) {
  const form = Form.useFormInstance();
  const step = Form.useWatch(path, { preserve: true }) as SubscriptionStep | null | undefined;
  const enabled = typeof step?.url === 'string';
  const toggle = (next: boolean) => form.setFieldValue(path, next ? { url: '' } : null);
  return [enabled, toggle] as const;
}

interface OptionalStepProps {
  step: SubscriptionStepName;
  title: string;
  children: React.ReactNode;
}

function OptionalStep({ step, title, children }: OptionalStepProps) {
  const [enabled, toggle] = useStepSwitch(subscriptionStepPath(step));
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 16 }}
      extra={
        <Switch size="small" checked={enabled} onChange={toggle} data-testid={`webhook-subscription-${step}-enabled`} />
      }
      styles={enabled ? undefined : { body: { display: 'none' } }}
    >
      {enabled ? children : null}
    </Card>
  );
}

/**
 * Registering this workflow's URL with the sending system (GitHub, Microsoft Graph, …) when the
 * workflow is enabled, renewing the registration before it expires, and removing it when the
 * workflow is switched off; with where the registration of this version stands.
 */
export function SubscriptionFields({
  workflowId,
  workflowKey,
}: {
  workflowId?: number | string;
  workflowKey?: string;
}) {
  const t = useT();
  const form = Form.useFormInstance();
  const [enabled] = useStepSwitch(subscriptionStepPath('subscribe'));
  const toggleAll = (next: boolean) => form.setFieldValue(SUBSCRIPTION, next ? { subscribe: { url: '' } } : null);
  return (
    <>
      <Form.Item
        label={t('Register this URL with the sender')}
        extra={t('Enabling the workflow subscribes first; if the sender refuses, the workflow stays disabled.')}
      >
        <Switch checked={enabled} onChange={toggleAll} data-testid="webhook-subscription-enabled" />
      </Form.Item>
      {enabled ? (
        <>
          <RegisteredUrlNote workflowKey={workflowKey} />
          <SubscriptionStatusView workflowId={workflowId} />
          <Card size="small" title={t('Subscribe, when the workflow is enabled')} style={{ marginBottom: 16 }}>
            <SubscriptionStepFields
              step="subscribe"
              defaultMethod="POST"
              urlPlaceholder="https://api.example.com/hooks"
              withAnswer
            />
          </Card>
          <OptionalStep step="refresh" title={t('Renew, before the registration expires')}>
            <SubscriptionStepFields
              step="refresh"
              defaultMethod="PATCH"
              urlPlaceholder="https://api.example.com/hooks/{{$state.webhookId}}"
              withAnswer
            />
          </OptionalStep>
          <OptionalStep step="unsubscribe" title={t('Unsubscribe, when the workflow is switched off')}>
            <SubscriptionStepFields
              step="unsubscribe"
              defaultMethod="DELETE"
              urlPlaceholder="https://api.example.com/hooks/{{$state.webhookId}}"
            />
          </OptionalStep>
        </>
      ) : null}
    </>
  );
}
