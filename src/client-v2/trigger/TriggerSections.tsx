import React from 'react';
import { Section } from '../components/Section';
import { DeliveryHistoryButton } from '../history/DeliveryHistoryButton';
import { ListenForRequest } from '../listen/ListenForRequest';
import { useT } from '../locale';
import type { WebhookTriggerConfig } from '../../common/types';
import { AccessFields } from './AccessFields';
import { AlertsFields } from './AlertsFields';
import { AuthFields } from './AuthFields';
import { EventsFields } from './EventsFields';
import { EventTypeFields } from './EventTypeFields';
import { HandshakeFields } from './HandshakeFields';
import { IdempotencyFields } from './IdempotencyFields';
import { LimitsFields } from './LimitsFields';
import { OpenUrlWarning } from './OpenUrlWarning';
import { RawBodyField } from './RawBodyField';
import { RequestRulesFields } from './RequestRulesFields';
import { AsyncResponseFields, SyncResponseFields } from './ResponseFields';
import { RetryFields } from './RetryFields';
import { SignatureFields } from './SignatureFields';
import { SubscriptionFields } from './SubscriptionFields';
import { UploadsFields } from './UploadsFields';
import { WebhookUrlField } from './WebhookUrlField';

/** The sections of the trigger's drawer, in its order; each takes the workflow version it configures. */
export interface WorkflowProps {
  workflow:
    | { id?: number | string; key?: string; sync?: boolean; config?: Pick<WebhookTriggerConfig, 'retry'> | null }
    | null
    | undefined;
}

export function UrlSection({ workflow }: WorkflowProps) {
  const t = useT();
  return (
    <Section title={t('Webhook URL')} testId="webhook-section-url">
      <WebhookUrlField workflowKey={workflow?.key} />
      {/* The saved number of attempts, which the server retries with, not one being typed. */}
      <DeliveryHistoryButton workflowId={workflow?.id} retryAttempts={workflow?.config?.retry?.attempts} />
    </Section>
  );
}

export function SecuritySection() {
  const t = useT();
  return (
    <Section title={t('Security')} testId="webhook-section-security">
      <OpenUrlWarning />
      <AuthFields />
      <SignatureFields />
    </Section>
  );
}

export function AccessSection() {
  const t = useT();
  return (
    <Section title={t('Access')} testId="webhook-section-access">
      <AccessFields />
      <LimitsFields />
    </Section>
  );
}

export function HandshakeSection() {
  const t = useT();
  return (
    <Section
      title={t('URL verification')}
      description={t(
        'Some senders check the URL before they deliver to it; the check is answered without starting a run.',
      )}
      testId="webhook-section-handshake"
    >
      <HandshakeFields />
    </Section>
  );
}

export function RequestSection({ workflow }: WorkflowProps) {
  const t = useT();
  return (
    <Section
      title={t('Parse request data')}
      description={t('Listed fields become trigger variables for later nodes, labelled with their aliases.')}
      testId="webhook-section-request"
    >
      <ListenForRequest workflowId={workflow?.id} />
      <RequestRulesFields />
      <RawBodyField />
    </Section>
  );
}

export function UploadsSection() {
  const t = useT();
  return (
    <Section
      title={t('Uploaded files')}
      description={t('For multipart/form-data deliveries that carry files.')}
      testId="webhook-section-uploads"
    >
      <UploadsFields />
    </Section>
  );
}

/** Splitting deliveries into events is for asynchronous workflows only. */
export function EventsSection({ workflow }: WorkflowProps) {
  const t = useT();
  return workflow?.sync ? null : (
    <Section
      title={t('Events in a delivery')}
      description={t('For senders that put many events in one delivery.')}
      testId="webhook-section-events"
    >
      <EventsFields />
    </Section>
  );
}

/** The sender's own delivery ID (duplicates run once) and event type (`$context.eventType`), for either workflow. */
export function IdempotencySection() {
  const t = useT();
  return (
    <Section
      title={t('Delivery ID and event type')}
      description={t('What the sender says about each delivery; picking a sender fills them in.')}
      testId="webhook-section-idempotency"
    >
      <IdempotencyFields />
      <EventTypeFields />
    </Section>
  );
}

/** A sync delivery's sender waits and retries on its own: only stored (async) deliveries are run again. */
export function RetrySection({ workflow }: WorkflowProps) {
  const t = useT();
  return workflow?.sync ? null : (
    <Section
      title={t('Retries')}
      description={t(
        'A delivery whose run fails is run again later, waiting longer each time, until it runs or gives up.',
      )}
      testId="webhook-section-retry"
    >
      <RetryFields />
    </Section>
  );
}

export function AlertsSection({ workflow }: WorkflowProps) {
  const t = useT();
  return (
    <Section
      title={t('Alerts')}
      description={t('Who is told when deliveries fail; the message names the workflow, the count and the last error.')}
      testId="webhook-section-alerts"
    >
      <AlertsFields async={!workflow?.sync} />
    </Section>
  );
}

export function ResponseSection({ workflow }: WorkflowProps) {
  const t = useT();
  return (
    <Section title={t('Response')} testId="webhook-section-response">
      {workflow?.sync ? <SyncResponseFields /> : <AsyncResponseFields />}
    </Section>
  );
}

export function SubscriptionSection({ workflow }: WorkflowProps) {
  const t = useT();
  return (
    <Section
      title={t('Register with the sender')}
      description={t(
        'For senders whose webhooks are created through their API: the URL is registered when the workflow is enabled, renewed, and removed when it is switched off.',
      )}
      testId="webhook-section-subscription"
    >
      <SubscriptionFields workflowId={workflow?.id} workflowKey={workflow?.key} />
    </Section>
  );
}
