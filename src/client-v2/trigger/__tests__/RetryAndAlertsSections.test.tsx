/**
 * The Retries and Alerts sections of the trigger's drawer, rendered inside an antd Form as the
 * workflow plugin's drawer renders them. The API is the test double of
 * src/client-v2/__tests__/doubles: `users`, `roles` and `notificationChannels` answer from handlers
 * set here.
 */
import { screen, waitFor } from '@testing-library/react';
import React from 'react';
import type { ResourceActionParams } from '@nocobase/flow-engine';
import { api } from '../../__tests__/doubles/flowEngine';
import { fill, pick, submitErrors, user } from '../../__tests__/interact';
import { renderInForm } from '../../__tests__/renderInForm';
import { AlertsSection, RetrySection, type WorkflowProps } from '../TriggerSections';

const ASYNC = { id: 7, key: 'k3y', sync: false };
const SYNC = { id: 8, key: 'k3y', sync: true };

function renderSection(
  Section: React.ComponentType<WorkflowProps>,
  config: Record<string, unknown> = {},
  workflow: NonNullable<WorkflowProps['workflow']> = ASYNC,
) {
  return renderInForm(<Section workflow={workflow} />, { config, workflow });
}

const byTestId = (id: string) => screen.getByTestId(id);
const shownErrors = () =>
  Array.from(document.querySelectorAll('.ant-form-item-explain-error'), (node) => node.textContent ?? '');
/** The radio or checkbox of a group with this value (role queries are slow under antd in jsdom). */
const choice = (group: string, value: string) =>
  byTestId(group).querySelector(`input[value="${value}"]`) as HTMLInputElement;

describe('the trigger drawer: retries', () => {
  it('writes config.retry as typed, explaining that a retry runs the whole workflow again', async () => {
    const { config } = renderSection(RetrySection);
    expect(screen.queryByTestId('webhook-retry-delay')).not.toBeInTheDocument();
    await fill(byTestId('webhook-retry-attempts'), '5');
    expect(byTestId('webhook-retry-help')).toHaveTextContent(
      /runs the whole workflow again from its first node.*idempotent.*\{\{\$context\.attempt\}\}/,
    );
    await fill(byTestId('webhook-retry-delay'), '30');
    await fill(byTestId('webhook-retry-max-delay'), '3600');
    // The server's defaults are shown chosen until changed.
    expect(choice('webhook-retry-backoff', 'exponential')).toBeChecked();
    await user.click(choice('webhook-retry-backoff', 'fixed'));
    expect(choice('webhook-retry-on', 'failed')).toBeChecked();
    expect(choice('webhook-retry-on', 'error')).toBeChecked();
    expect(choice('webhook-retry-on', 'aborted')).not.toBeChecked();
    expect(byTestId('webhook-retry-on')).toHaveTextContent('FailedErrorAborted');
    await user.click(choice('webhook-retry-on', 'aborted'));
    expect(config().retry).toEqual({
      attempts: 5,
      delay: 30,
      backoff: 'fixed',
      maxDelay: 3600,
      on: ['failed', 'error', 'aborted'],
    });
  });

  it('refuses a maximum delay below the first delay, and no outcome at all', async () => {
    const { submit } = renderSection(RetrySection, { retry: { attempts: 3, delay: 60, on: ['failed'] } });
    await fill(byTestId('webhook-retry-max-delay'), '10');
    await user.click(choice('webhook-retry-on', 'failed'));
    await submitErrors(submit);
    // antd shows the messages of several fields one after the other.
    await waitFor(() => expect(shownErrors()).toEqual(['At least the first delay', 'Choose at least one']));
  });

  it('is not offered to synchronous workflows, whose senders wait and retry themselves', () => {
    renderSection(RetrySection, { retry: { attempts: 3 } }, SYNC);
    expect(screen.queryByTestId('webhook-section-retry')).not.toBeInTheDocument();
    expect(screen.queryByTestId('webhook-retry-attempts')).not.toBeInTheDocument();
  });
});

/** Answers `<resource>:list` from these records, searching `field` as the server would. */
function listing(records: Array<Record<string, unknown>>) {
  return (params: ResourceActionParams | undefined) => {
    const filter = (params?.filter ?? {}) as Record<string, { $in?: unknown[] }>;
    const [key, condition] = Object.entries(filter).find(([name]) => name !== '$or') ?? [];
    return {
      data: key && condition?.$in ? records.filter((record) => condition.$in?.includes(record[key])) : records,
    };
  };
}

describe('the trigger drawer: alerts', () => {
  beforeEach(() => {
    api
      .on(
        'users:list',
        listing([
          { id: 1, nickname: 'Super Admin' },
          { id: 2, nickname: 'Ops On Call' },
        ]),
      )
      .on(
        'roles:list',
        listing([
          { name: 'admin', title: '{{t("Admin")}}' },
          { name: 'ops', title: 'Operations' },
        ]),
      )
      .on(
        'notificationChannels:list',
        listing([
          { name: 'in-app', title: 'In-app messages' },
          { name: 'smtp', title: 'Team email' },
        ]),
      );
  });

  it('writes config.alerts: users, roles, channels, give-up and failure-count alerts', async () => {
    const { config } = renderSection(AlertsSection);
    await pick(byTestId('webhook-alerts-users'), 'Ops On Call');
    await pick(byTestId('webhook-alerts-roles'), 'Admin');
    await pick(byTestId('webhook-alerts-channels'), 'Team email');
    // On by default, as the server treats it: writing it only when turned off.
    const onGiveUp = byTestId('webhook-alerts-on-give-up');
    expect(onGiveUp).toBeChecked();
    await user.click(onGiveUp);
    await user.click(onGiveUp);
    await fill(byTestId('webhook-alerts-failures-count'), '10');
    await fill(byTestId('webhook-alerts-failures-minutes'), '15');
    expect(config().alerts).toEqual({
      users: [2],
      roles: ['admin'],
      channels: ['smtp'],
      onGiveUp: true,
      failures: { count: 10, minutes: 15 },
    });
  });

  it('shows saved choices by their names, and asks for both numbers of a failure count', async () => {
    const { submit } = renderSection(AlertsSection, { alerts: { users: [1], roles: ['ops'] } });
    await waitFor(() => expect(byTestId('webhook-alerts-users')).toHaveTextContent('Super Admin'));
    expect(byTestId('webhook-alerts-roles')).toHaveTextContent('Operations');
    expect(byTestId('webhook-alerts-channels')).toHaveTextContent('In-app message');
    await fill(byTestId('webhook-alerts-failures-count'), '10');
    expect(await submitErrors(submit)).toEqual(['Required']);
  });

  it('has no give-up alert in a synchronous workflow, which never retries', () => {
    renderSection(AlertsSection, {}, SYNC);
    expect(byTestId('webhook-section-alerts')).toBeInTheDocument();
    expect(screen.queryByTestId('webhook-alerts-on-give-up')).not.toBeInTheDocument();
  });
});
