import { ReloadOutlined, RedoOutlined } from '@ant-design/icons';
import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest } from 'ahooks';
import { App, Button, Drawer, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import React, { useState } from 'react';
import { DELIVERY_OUTCOMES, type DeliveryOutcome, type DeliveryRow, isReplayable } from '../../common/deliveries';
import { useT } from '../locale';
import type { Body } from '../resources';
import { WorkflowStatsChart } from '../settings/overview/DeliveryStatsChart';
import { useWorkflowTitles } from '../settings/overview/useWorkflowTitles';
import { AnswerStatus } from './AnswerStatus';
import { DeliveryDetailDrawer } from './DeliveryDetailDrawer';
import { errorMessage } from './errorMessage';
import { ExecutionLink } from './ExecutionLink';
import { executionDuration, formatDuration } from './executions';
import { formatTime } from './formatTime';
import { OutcomeTag } from './OutcomeTag';
import { ReplayGivenUpButton } from './ReplayGivenUpButton';
import { HISTORY_PAGE_SIZE, useDeliveryHistory } from './useDeliveryHistory';
import { useOutcomeLabels } from './useOutcomeLabels';

interface DeliveryHistoryProps {
  /** The workflow whose deliveries are listed; without one, every webhook workflow's, with a Workflow column. */
  workflowId?: number | string;
  /** The workflow's saved `retry.attempts`, for "retry 2 of 5". */
  retryAttempts?: number | null;
}

/**
 * The table of a workflow's deliveries, or of every webhook workflow's (the settings page): filter,
 * refresh, open one, replay several or every given-up one.
 */
export function DeliveryHistory({ workflowId, retryAttempts }: DeliveryHistoryProps) {
  const t = useT();
  const ctx = useFlowContext();
  const { message } = App.useApp();
  const labels = useOutcomeLabels();
  const history = useDeliveryHistory(workflowId);
  const everyWorkflow = workflowId == null;
  const titles = useWorkflowTitles(!everyWorkflow);
  const [selected, setSelected] = useState<React.Key[]>([]);
  const [detailId, setDetailId] = useState<number | null>(null);

  const replay = useRequest(
    async (ids: React.Key[]) =>
      (await ctx.api.resource('webhookDeliveries').replay<Body<unknown[]>>({ values: { ids } })).data.data,
    {
      manual: true,
      onSuccess: (replays) => {
        message.success(t('Replays started: {{number}}.', { number: replays.length }));
        setSelected([]);
        if (history.page === 1) {
          history.reload();
        } else {
          history.setPage(1);
        }
      },
      onError: (error) => message.error(errorMessage(error)),
    },
  );

  const columns: TableColumnsType<DeliveryRow> = [
    {
      title: t('Received at'),
      dataIndex: 'receivedAt',
      width: 170,
      render: (value: string) => formatTime(value),
    },
    ...(everyWorkflow
      ? [
          {
            title: t('Workflow'),
            dataIndex: 'workflowId',
            render: (value: number | string) => titles[String(value)] ?? `#${value}`,
          },
        ]
      : []),
    { title: t('Method'), dataIndex: 'method', width: 90, render: (value: string) => <Tag>{value}</Tag> },
    {
      title: t('Answer'),
      dataIndex: 'answerStatus',
      width: 80,
      render: (value: number | null) => <AnswerStatus status={value} />,
    },
    {
      title: t('Outcome'),
      key: 'outcome',
      render: (_value, row) => <OutcomeTag row={row} retryAttempts={retryAttempts} />,
    },
    {
      title: t('Duration'),
      key: 'duration',
      width: 100,
      render: (_value, row) => {
        const execution = row.executionId == null ? undefined : history.executions[String(row.executionId)];
        const duration = executionDuration(execution);
        return duration == null ? <Typography.Text type="secondary">—</Typography.Text> : formatDuration(duration);
      },
    },
    {
      title: t('Execution'),
      dataIndex: 'executionId',
      width: 100,
      render: (value: number | string | null) => (value == null ? null : <ExecutionLink id={value} />),
    },
  ];

  return (
    <div data-testid={everyWorkflow ? 'webhook-all-deliveries' : 'webhook-history-content'}>
      <Space style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space wrap>
          <Select<DeliveryOutcome[]>
            mode="multiple"
            allowClear
            value={history.outcomes}
            onChange={history.filter}
            placeholder={t('All outcomes')}
            style={{ minWidth: 220 }}
            options={DELIVERY_OUTCOMES.map((value) => ({ value, label: labels[value].label }))}
            data-testid="webhook-history-filter"
            aria-label={t('Outcome')}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={history.reload}
            loading={history.loading}
            data-testid="webhook-history-refresh"
          >
            {t('Refresh')}
          </Button>
        </Space>
        <Space wrap>
          <ReplayGivenUpButton workflowId={workflowId} onStarted={history.reload} />
          <Button
            type="primary"
            icon={<RedoOutlined />}
            disabled={!selected.length}
            loading={replay.loading}
            onClick={() => replay.run(selected)}
            data-testid="webhook-history-replay"
          >
            {selected.length ? t('Replay selected ({{number}})', { number: selected.length }) : t('Replay selected')}
          </Button>
        </Space>
      </Space>
      <Table<DeliveryRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={history.rows}
        loading={history.loading}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: setSelected,
          preserveSelectedRowKeys: true,
          getCheckboxProps: (row) => ({ disabled: !isReplayable(row) }),
        }}
        onRow={(row) => ({
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('.ant-table-selection-column, a')) {
              setDetailId(row.id);
            }
          },
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: history.page,
          pageSize: HISTORY_PAGE_SIZE,
          total: history.total,
          showSizeChanger: false,
          showTotal: (total) => t('Total: {{number}}', { number: total }),
          onChange: history.setPage,
        }}
        locale={{
          emptyText: everyWorkflow
            ? t('No deliveries yet.')
            : t('No deliveries yet. Requests to the webhook URL appear here.'),
        }}
      />
      <DeliveryDetailDrawer
        id={detailId}
        onClose={() => setDetailId(null)}
        onReplayed={history.reload}
        retryAttempts={retryAttempts}
      />
    </div>
  );
}

/** The delivery history of one workflow version, over the trigger's drawer. */
export function DeliveryHistoryDrawer({
  workflowId,
  retryAttempts,
  open,
  onClose,
}: DeliveryHistoryProps & {
  workflowId: number | string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('Delivery history')}
      width={1000}
      destroyOnClose
      data-testid="webhook-history"
    >
      <WorkflowStatsChart workflowId={workflowId} />
      <DeliveryHistory workflowId={workflowId} retryAttempts={retryAttempts} />
    </Drawer>
  );
}
