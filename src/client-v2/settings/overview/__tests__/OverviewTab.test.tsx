import { render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import React from 'react';
import { emptyCounts, type DeliveryStatsView } from '../../../../common/stats';
import { api } from '../../../__tests__/doubles/flowEngine';
import { user } from '../../../__tests__/interact';
import type { ChartData } from '../chartData';
import { WebhookSettingsPage } from '../../WebhookSettingsPage';

// jsdom has no canvas: the chart shows what it was given to draw.
jest.mock('../DeliveryChart', () => ({
  DeliveryChart: ({ data }: { data: ChartData }) => (
    <div data-testid="chart-double">
      {data.datasets.map((dataset) => `${dataset.label}: ${dataset.data.join(' ')}`).join(' | ')}
    </div>
  ),
}));

function statsOf(range: DeliveryStatsView['range']): DeliveryStatsView {
  return {
    now: '2026-01-05T10:02:30.000Z',
    range,
    bucketSeconds: range === 'hour' ? 60 : 900,
    workflows: [
      {
        workflowId: 7,
        key: 'orders',
        title: 'Orders from the shop',
        enabled: true,
        current: true,
        lastHour: { ...emptyCounts(), received: 12, ran: 9, refused: 1, failed: 2 },
        lastDay: { ...emptyCounts(), received: 140, ran: 130, refused: 4, failed: 5, gaveUp: 1 },
        backlog: 3,
      },
      {
        workflowId: 8,
        key: 'old',
        title: 'Old version',
        enabled: false,
        current: false,
        lastHour: emptyCounts(),
        lastDay: { ...emptyCounts(), received: 2, ran: 2 },
        backlog: 0,
      },
    ],
    totals: { lastHour: emptyCounts(), lastDay: emptyCounts(), backlog: 3 },
    series: [
      { start: '2026-01-05T10:01:00.000Z', counts: { ran: 4, failed: 1 } },
      { start: '2026-01-05T10:02:00.000Z', counts: { ran: range === 'hour' ? 6 : 2 } },
    ],
  };
}

describe('the webhook deliveries settings page', () => {
  beforeEach(() => {
    api.on('webhookDeliveries:stats', (params) => ({ data: statsOf((params as { range: 'hour' | 'day' }).range) }));
  });

  it('opens on the overview: every workflow with its last hour, last day and backlog, and the chart', async () => {
    render(
      <App>
        <WebhookSettingsPage />
      </App>,
    );
    const table = await screen.findByTestId('webhook-overview-table');
    const row = (await within(table).findByText('Orders from the shop')).closest('tr') as HTMLElement;
    const cells = Array.from(row.querySelectorAll('td'), (cell) => cell.textContent);
    // Workflow, last hour (received, ran, refused, failed, gave up), last day (the same), backlog.
    expect(cells).toEqual(['Orders from the shop', '12', '9', '1', '2', '0', '140', '130', '4', '5', '1', '3']);
    expect(within(table).getByText('Older version')).toBeInTheDocument();
    expect(screen.getByTestId('chart-double')).toHaveTextContent('Ran: 4 2 | Failed: 1 0');
    expect(api.callsOf('webhookDeliveries:stats')[0].params).toEqual({ range: 'day' });
  });

  it('reads the chosen range again', async () => {
    render(
      <App>
        <WebhookSettingsPage />
      </App>,
    );
    await screen.findByTestId('chart-double');
    await user.click(screen.getByText('Last hour (per minute)'));
    await waitFor(() => expect(screen.getByTestId('chart-double')).toHaveTextContent('Ran: 4 6'));
    expect(api.callsOf('webhookDeliveries:stats').map((call) => call.params)).toContainEqual({ range: 'hour' });
  });

  it("lists every workflow's deliveries with the workflow they went to", async () => {
    api.on('workflows:list', () => ({ data: [{ id: 7, title: 'Orders from the shop' }] }));
    api.on('webhookDeliveries:list', () => ({
      data: [
        {
          id: 1,
          workflowId: 7,
          method: 'POST',
          receivedAt: '2026-01-05T10:01:10.000Z',
          state: 'finished',
          answerStatus: 200,
          error: null,
          executionId: null,
          replayOf: null,
        },
      ],
      meta: { count: 1 },
    }));
    render(
      <App>
        <WebhookSettingsPage />
      </App>,
    );
    await user.click(await screen.findByRole('tab', { name: 'Deliveries' }));
    const list = await screen.findByTestId('webhook-all-deliveries');
    expect(await within(list).findByText('Orders from the shop')).toBeInTheDocument();
    expect(api.callsOf('webhookDeliveries:list')[0].params).toMatchObject({ filter: {}, sort: '-id' });
  });
});
