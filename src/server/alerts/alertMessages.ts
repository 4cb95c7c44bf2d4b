import type { AlertingWorkflow } from './alertingWorkflows';

/**
 * A message for NocoBase's notification manager: the fields of the in-app message channel
 * (`title`, `content`, `options.url`) and of the email channel (`subject`, `text`). The manager
 * renders every string as a Handlebars template with `data`, so what comes from outside (titles,
 * errors) is only ever in `data`, inserted as is (`{{{…}}}`), never part of a template.
 */
export interface AlertMessage {
  message: Record<string, unknown>;
  data: Record<string, unknown>;
}

/** Where the workflow's history is: its canvas, whose trigger opens the delivery history. */
export function historyUrl(workflowId: number | string): string {
  const origin = (process.env.WEBHOOK_PUBLIC_URL ?? '').replace(/\/+$/, '');
  return `${origin}/admin/workflow/workflows/${workflowId}`;
}

function alertMessage(title: string, content: string, data: Record<string, unknown>): AlertMessage {
  return {
    message: { title, content, subject: title, text: content, contentType: 'text', options: { url: '{{{url}}}' } },
    data,
  };
}

/** The last error as a sentence's end, never empty, never a page long. */
function shortError(error: string | null | undefined): string {
  const text = (error ?? '').trim();
  if (!text) {
    return 'none recorded';
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

export function gaveUpMessage(
  workflow: AlertingWorkflow,
  delivery: { id: number | string; attempts: number; error: string | null },
): AlertMessage {
  return alertMessage(
    'Webhook delivery gave up: {{{workflowTitle}}}',
    'Delivery #{{{deliveryId}}} of the workflow "{{{workflowTitle}}}" gave up after {{{attempts}}} failed attempt(s). ' +
      'Last error: {{{lastError}}}. Its history: {{{url}}}',
    {
      workflowTitle: workflow.title,
      deliveryId: delivery.id,
      attempts: delivery.attempts,
      lastError: shortError(delivery.error),
      url: historyUrl(workflow.id),
    },
  );
}

export function failuresMessage(
  workflow: AlertingWorkflow,
  failures: { count: number; threshold: number; minutes: number; error: string | null },
): AlertMessage {
  return alertMessage(
    'Webhook deliveries failing: {{{workflowTitle}}}',
    '{{{count}}} deliveries of the workflow "{{{workflowTitle}}}" failed within the last {{{minutes}}} minute(s) ' +
      '(the alert is set for more than {{{threshold}}}). Last error: {{{lastError}}}. Its history: {{{url}}}',
    {
      workflowTitle: workflow.title,
      count: failures.count,
      threshold: failures.threshold,
      minutes: failures.minutes,
      lastError: shortError(failures.error),
      url: historyUrl(workflow.id),
    },
  );
}
