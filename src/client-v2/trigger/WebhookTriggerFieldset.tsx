import { useCurrentWorkflowContext } from '@nocobase/plugin-workflow/client-v2';
import React from 'react';
import type { WorkflowLike } from '../../common/types';
import {
  AccessSection,
  AlertsSection,
  EventsSection,
  HandshakeSection,
  IdempotencySection,
  RequestSection,
  ResponseSection,
  RetrySection,
  SecuritySection,
  SubscriptionSection,
  UploadsSection,
  UrlSection,
} from './TriggerSections';

/** The trigger's configuration drawer (both clients). */
export default function WebhookTriggerFieldset() {
  const workflow = useCurrentWorkflowContext() as WorkflowLike;
  return (
    <div data-testid="webhook-trigger-config">
      <UrlSection workflow={workflow} />
      <SecuritySection />
      <AccessSection />
      <HandshakeSection />
      <RequestSection workflow={workflow} />
      <UploadsSection />
      <EventsSection workflow={workflow} />
      <IdempotencySection />
      <ResponseSection workflow={workflow} />
      <RetrySection workflow={workflow} />
      <AlertsSection workflow={workflow} />
      <SubscriptionSection workflow={workflow} />
    </div>
  );
}
