import { Table, type TableColumnsType, Typography } from 'antd';
import React from 'react';
import type { AttemptRecord, DeliveryRow } from '../../common/deliveries';
import { useT } from '../locale';
import { ExecutionLink } from './ExecutionLink';
import { ExecutionStatusTag } from './ExecutionStatusTag';
import { formatTime } from './formatTime';

/** Every run a retried delivery has had, oldest first: how each ended, and its execution. */
export function AttemptList({ row }: { row: Pick<DeliveryRow, 'attemptLog' | 'state' | 'nextAttemptAt'> }) {
  const t = useT();
  const log = row.attemptLog ?? [];
  if (!log.length) {
    return null;
  }
  const columns: TableColumnsType<AttemptRecord> = [
    { title: t('Attempt'), dataIndex: 'attempt', width: 80 },
    {
      title: t('Status'),
      dataIndex: 'status',
      width: 110,
      render: (status: number | null) => <ExecutionStatusTag status={status} />,
    },
    { title: t('Ended at'), dataIndex: 'endedAt', width: 170, render: (value: string) => formatTime(value) },
    {
      title: t('Error'),
      dataIndex: 'error',
      // Kept short by the server; the execution holds the whole error.
      render: (error: string | null | undefined) =>
        error ? <Typography.Text type="danger">{error}</Typography.Text> : null,
    },
    {
      title: t('Execution'),
      dataIndex: 'executionId',
      width: 100,
      render: (id: number | string | null) => (id == null ? null : <ExecutionLink id={id} />),
    },
  ];
  return (
    <section data-testid="webhook-delivery-attempts" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('Attempts')}</Typography.Title>
      <Table<AttemptRecord> rowKey="attempt" size="small" columns={columns} dataSource={log} pagination={false} />
      {row.state === 'retrying' && row.nextAttemptAt ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('The next attempt starts at {{time}}.', { time: formatTime(row.nextAttemptAt) })}
        </Typography.Paragraph>
      ) : null}
    </section>
  );
}
