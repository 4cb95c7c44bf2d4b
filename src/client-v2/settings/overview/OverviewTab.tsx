import { ReloadOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import React, { useState } from 'react';
import { DEFAULT_STATS_RANGE, type StatsCounts, type StatsRange, type WorkflowStats } from '../../../common/stats';
import { useT } from '../../locale';
import { StatsChartCard } from './DeliveryStatsChart';
import { useDeliveryStats } from './useDeliveryStats';

/** The counts a row shows per window: what came in, and what ended how. */
const COUNTED = ['received', 'ran', 'refused', 'failed', 'gaveUp'] as const satisfies ReadonlyArray<keyof StatsCounts>;

function Count({ value, alert }: { value: number; alert?: boolean }) {
  if (!value) {
    return <Typography.Text type="secondary">0</Typography.Text>;
  }
  return alert ? <Typography.Text type="danger">{value}</Typography.Text> : <>{value}</>;
}

/** Every webhook workflow's last hour and day, its backlog, and the chart of all their deliveries. */
export function OverviewTab() {
  const t = useT();
  const [range, setRange] = useState<StatsRange>(DEFAULT_STATS_RANGE);
  const stats = useDeliveryStats(range);
  const headings: Record<(typeof COUNTED)[number], string> = {
    received: t('Received'),
    ran: t('Ran'),
    refused: t('Refused'),
    failed: t('Failed'),
    gaveUp: t('Gave up'),
  };
  const windowColumns = (window: 'lastHour' | 'lastDay', title: string) => ({
    title,
    children: COUNTED.map((counted) => ({
      title: headings[counted],
      key: `${window}.${counted}`,
      align: 'right' as const,
      width: 80,
      render: (_value: unknown, row: WorkflowStats) => (
        <Count value={row[window][counted]} alert={counted === 'failed' || counted === 'gaveUp'} />
      ),
    })),
  });
  const columns: TableColumnsType<WorkflowStats> = [
    {
      title: t('Workflow'),
      key: 'workflow',
      render: (_value, row) => (
        <Space size={4} wrap>
          <span>{row.title || `#${row.workflowId}`}</span>
          {!row.current ? <Tag>{t('Older version')}</Tag> : !row.enabled ? <Tag>{t('Disabled')}</Tag> : null}
        </Space>
      ),
    },
    windowColumns('lastHour', t('Last hour')),
    windowColumns('lastDay', t('Last day')),
    {
      title: t('Backlog'),
      dataIndex: 'backlog',
      align: 'right',
      width: 90,
      render: (value: number) => <Count value={value} />,
    },
  ];

  return (
    <div data-testid="webhook-overview">
      <Space style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">
          {t(
            'Requests to every webhook workflow, counted by how they ended. Backlog: stored deliveries not started yet.',
          )}
        </Typography.Text>
        <Button
          icon={<ReloadOutlined />}
          onClick={stats.refresh}
          loading={stats.loading}
          data-testid="webhook-overview-refresh"
        >
          {t('Refresh')}
        </Button>
      </Space>
      <StatsChartCard view={stats.data} error={stats.error} range={range} onRange={setRange} />
      <Table<WorkflowStats>
        rowKey="workflowId"
        size="small"
        bordered
        columns={columns}
        dataSource={stats.data?.workflows ?? []}
        loading={stats.loading && !stats.data}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('No webhook workflows yet.') }}
        data-testid="webhook-overview-table"
      />
    </div>
  );
}
