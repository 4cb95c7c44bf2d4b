import { RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest } from 'ahooks';
import { App, Button, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import React, { useState } from 'react';
import { DELIVERY_OUTCOMES, type DeliveryOutcome, type DeliveryRow, isReplayable } from '../../../common/deliveries';
import { AnswerStatus } from '../../history/AnswerStatus';
import { DeliveryDetailDrawer } from '../../history/DeliveryDetailDrawer';
import { errorMessage } from '../../history/errorMessage';
import { ExecutionLink } from '../../history/ExecutionLink';
import { formatTime } from '../../history/formatTime';
import { OutcomeTag } from '../../history/OutcomeTag';
import { HISTORY_PAGE_SIZE, useDeliveryHistory } from '../../history/useDeliveryHistory';
import { useOutcomeLabels } from '../../history/useOutcomeLabels';
import { useT } from '../../locale';
import type { Body } from '../../resources';
import { useWorkflowTitles } from './useWorkflowTitles';

/**
 * The most recent deliveries of every webhook workflow: the history's filter, detail and replay,
 * with the workflow each one went to.
 */
export function AllDeliveriesList() {
  const t = useT();
  const ctx = useFlowContext();
  const { message } = App.useApp();
  const labels = useOutcomeLabels();
  const titles = useWorkflowTitles();
  const history = useDeliveryHistory();
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
        history.reload();
      },
      onError: (error) => message.error(errorMessage(error)),
    },
  );

  const columns: TableColumnsType<DeliveryRow> = [
    { title: t('Received at'), dataIndex: 'receivedAt', width: 170, render: (value: string) => formatTime(value) },
    {
      title: t('Workflow'),
      dataIndex: 'workflowId',
      render: (value: number | string) => titles[String(value)] ?? `#${value}`,
    },
    { title: t('Method'), dataIndex: 'method', width: 90, render: (value: string) => <Tag>{value}</Tag> },
    {
      title: t('Answer'),
      dataIndex: 'answerStatus',
      width: 80,
      render: (value: number | null) => <AnswerStatus status={value} />,
    },
    { title: t('Outcome'), key: 'outcome', render: (_value, row) => <OutcomeTag row={row} /> },
    {
      title: t('Execution'),
      dataIndex: 'executionId',
      width: 100,
      render: (value: number | string | null) => (value == null ? null : <ExecutionLink id={value} />),
    },
  ];

  return (
    <div data-testid="webhook-all-deliveries">
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
            aria-label={t('Outcome')}
          />
          <Button icon={<ReloadOutlined />} onClick={history.reload} loading={history.loading}>
            {t('Refresh')}
          </Button>
        </Space>
        <Button
          type="primary"
          icon={<RedoOutlined />}
          disabled={!selected.length}
          loading={replay.loading}
          onClick={() => replay.run(selected)}
        >
          {selected.length ? t('Replay selected ({{number}})', { number: selected.length }) : t('Replay selected')}
        </Button>
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
        locale={{ emptyText: t('No deliveries yet.') }}
      />
      <DeliveryDetailDrawer id={detailId} onClose={() => setDetailId(null)} onReplayed={history.reload} />
    </div>
  );
}
