/**
 * The delivery history of a workflow that retries failed runs, rendered for real in jsdom. The API
 * is the test double of src/client-v2/__tests__/doubles: `webhookDeliveries` and `executions`
 * answer from handlers set here.
 */
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import dayjs from 'dayjs';
import React from 'react';
import type { DeliveryRow } from '../../../common/deliveries';
import { api } from '../../__tests__/doubles/flowEngine';
import { DeliveryHistoryDrawer } from '../DeliveryHistoryDrawer';

// A query still waiting prints no DOM: the drawer's DOM is large, and printing it at every retry is slow.
configure({ getElementError: (message) => new Error(message ?? '') });

/** Today at 14:05, local: the history shows it as "14:05". */
const NEXT_ATTEMPT_AT = dayjs().hour(14).minute(5).second(0).toISOString();

function delivery(id: number, values: Partial<DeliveryRow>): DeliveryRow {
  return {
    id,
    workflowId: 7,
    method: 'POST',
    receivedAt: '2026-03-01T10:00:00.000Z',
    state: 'finished',
    answerStatus: 202,
    error: null,
    executionId: null,
    replayOf: null,
    clientIp: '203.0.113.7',
    deliveryId: null,
    headers: {},
    query: {},
    body: { ok: true },
    extras: null,
    ...values,
  };
}

const RETRYING = delivery(11, {
  state: 'retrying',
  attempt: 1,
  nextAttemptAt: NEXT_ATTEMPT_AT,
  executionId: 101,
  // Rows here carry no error of their own: antd measures an elided reason again and again in jsdom.
  error: null,
  attemptLog: [
    { attempt: 1, executionId: 101, status: -1, error: 'CRM answered 503', endedAt: '2026-03-01T10:00:05Z' },
  ],
});

const GAVE_UP = delivery(12, {
  state: 'gaveUp',
  attempt: 5,
  executionId: 205,
  error: null,
  attemptLog: [1, 2, 3, 4, 5].map((attempt) => ({
    attempt,
    executionId: 200 + attempt,
    status: attempt === 4 ? -2 : -1,
    error: attempt === 4 ? 'socket hang up' : 'CRM answered 503',
    endedAt: `2026-03-01T1${attempt}:00:00Z`,
  })),
});

beforeEach(() => {
  api
    .on('webhookDeliveries:list', () => ({ data: [RETRYING, GAVE_UP], meta: { count: 2 } }))
    .on('webhookDeliveries:get', (params) => ({
      data: [RETRYING, GAVE_UP].find((row) => row.id === params?.filterByTk),
    }))
    .on('executions:list', () => ({ data: [] }))
    .on('executions:get', (params) => ({ data: { id: params?.filterByTk, status: -1 } }));
});

function renderHistory() {
  return render(
    <App>
      <DeliveryHistoryDrawer workflowId={7} retryAttempts={5} open onClose={() => undefined} />
    </App>,
  );
}

/** The outcome cell of each listed delivery, by id. */
async function outcomes(): Promise<Record<string, string>> {
  const cells = await screen.findAllByTestId('webhook-delivery-outcome');
  return Object.fromEntries(
    cells.map((cell) => [
      cell.closest('tr')?.getAttribute('data-row-key') ?? '',
      cell.querySelector('.ant-tag')?.textContent ?? '',
    ]),
  );
}

/** The confirmation dialog, once open. */
async function confirmation(): Promise<Element> {
  await waitFor(() => expect(document.querySelector('.ant-modal-confirm')).not.toBeNull());
  return document.querySelector('.ant-modal-confirm') as Element;
}

describe('the delivery history of a retrying workflow', () => {
  it('says when a failed delivery is retried, and after how many attempts one gave up', async () => {
    renderHistory();
    expect(await outcomes()).toEqual({
      11: 'Failed, retry 2 of 5 at 14:05',
      12: 'Gave up after 5 attempts',
    });
  });

  it('offers the given-up and retrying outcomes in its filter, and asks the API for their states', async () => {
    renderHistory();
    await outcomes();
    const filter = screen.getByTestId('webhook-history-filter');
    fireEvent.mouseDown(filter.querySelector('.ant-select-selector') as Element);
    expect(await screen.findByTitle('Retrying')).toBeInTheDocument();
    fireEvent.click(await screen.findByTitle('Gave up'));
    await waitFor(() =>
      expect(api.callsOf('webhookDeliveries:list').at(-1)?.params?.filter).toEqual({
        workflowId: 7,
        state: { $in: ['gaveUp'] },
      }),
    );
  });

  it("lists every attempt of a delivery in its detail, each with its execution's link", async () => {
    renderHistory();
    await outcomes();
    fireEvent.click(screen.getByText('Gave up after 5 attempts'));
    const attempts = await screen.findByTestId('webhook-delivery-attempts');
    const rows = attempts.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(5);
    const links = within(attempts).getAllByTestId('webhook-execution-link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      [201, 202, 203, 204, 205].map((id) => `/admin/workflow/executions/${id}`),
    );
    expect(rows[3]).toHaveTextContent('socket hang up');
    expect(rows[3]).toHaveTextContent('Error');
  });

  it('tells when the next attempt of a retrying delivery starts', async () => {
    renderHistory();
    await outcomes();
    fireEvent.click(screen.getByText('Failed, retry 2 of 5 at 14:05'));
    const attempts = await screen.findByTestId('webhook-delivery-attempts');
    expect(attempts.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(attempts).toHaveTextContent(
      `The next attempt starts at ${dayjs(NEXT_ATTEMPT_AT).format('YYYY-MM-DD HH:mm:ss')}.`,
    );
  });

  it('replays every given-up delivery in the background, after asking', async () => {
    api.on('webhookDeliveries:replayGivenUp', () => ({ data: { taskId: 31, total: 4 } }));
    renderHistory();
    await outcomes();
    fireEvent.click(screen.getByTestId('webhook-history-replay-given-up'));
    expect(await confirmation()).toHaveTextContent('Replay all given-up deliveries?');
    expect(api.callsOf('webhookDeliveries:replayGivenUp')).toHaveLength(0);
    fireEvent.click(screen.getByText('Replay all'));
    expect(
      await screen.findByText('Replaying 4 given-up deliveries in the background; the task list shows the progress.'),
    ).toBeInTheDocument();
    expect(api.callsOf('webhookDeliveries:replayGivenUp').map((call) => call.params)).toEqual([
      { values: { workflowId: 7 } },
    ]);
  });

  it('starts nothing when the confirmation is cancelled', async () => {
    renderHistory();
    await outcomes();
    fireEvent.click(screen.getByTestId('webhook-history-replay-given-up'));
    await confirmation();
    fireEvent.click(screen.getByText('Cancel'));
    await waitFor(() => expect(document.querySelector('.ant-modal-confirm')).toBeNull());
    expect(api.callsOf('webhookDeliveries:replayGivenUp')).toHaveLength(0);
  });
});
