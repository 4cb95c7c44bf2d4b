import { RedoOutlined } from '@ant-design/icons';
import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest } from 'ahooks';
import { Alert, App, Button, Descriptions, Drawer, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import React from 'react';
import { type DeliveryRow, isReplayable, keptNothing } from '../../common/deliveries';
import { RequestView } from '../components/RequestView';
import { useT } from '../locale';
import type { Body } from '../resources';
import { AnswerStatus } from './AnswerStatus';
import { AttemptList } from './AttemptList';
import { errorMessage } from './errorMessage';
import { ExecutionLink } from './ExecutionLink';
import { executionDuration, executionOf, type ExecutionSummary, formatDuration } from './executions';
import { ExecutionStatusTag } from './ExecutionStatusTag';
import { formatTime } from './formatTime';
import { OutcomeTag } from './OutcomeTag';

function ExecutionSummaryView({ id, execution }: { id: number | string; execution: ExecutionSummary | null }) {
  const duration = executionDuration(execution);
  return (
    <Space size={8} wrap data-testid="webhook-delivery-execution">
      {execution ? <ExecutionStatusTag status={execution.status} /> : null}
      {duration != null ? <Typography.Text type="secondary">{formatDuration(duration)}</Typography.Text> : null}
      <ExecutionLink id={id} />
    </Space>
  );
}

interface DeliveryDetailProps {
  row: DeliveryRow;
  execution: ExecutionSummary | null;
  retryAttempts?: number | null;
}

/** Everything kept of one delivery: what it asked, what it was answered, what ran, each attempt. */
function DeliveryDetail({ row, execution, retryAttempts }: DeliveryDetailProps) {
  const t = useT();
  const none = <Typography.Text type="secondary">{t('None')}</Typography.Text>;
  const items = [
    { key: 'receivedAt', label: t('Received at'), children: formatTime(row.receivedAt) },
    { key: 'method', label: t('Method'), children: <Tag>{row.method}</Tag> },
    { key: 'answer', label: t('Answer status'), children: <AnswerStatus status={row.answerStatus} /> },
    {
      key: 'outcome',
      label: t('Outcome'),
      children: <OutcomeTag row={row} showReason={false} retryAttempts={retryAttempts} />,
    },
    ...(row.error
      ? [{ key: 'error', label: t('Error'), children: <Typography.Text type="danger">{row.error}</Typography.Text> }]
      : []),
    {
      key: 'execution',
      label: t('Execution'),
      children: row.executionId == null ? none : <ExecutionSummaryView id={row.executionId} execution={execution} />,
    },
    ...(row.deliveryId ? [{ key: 'deliveryId', label: t('Delivery ID'), children: row.deliveryId }] : []),
    { key: 'clientIp', label: t('Client IP'), children: row.clientIp ?? none },
  ];
  return (
    <>
      <Descriptions size="small" bordered column={1} items={items} labelStyle={{ width: 160 }} />
      <AttemptList row={row} />
      {keptNothing(row) ? (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message={t('Nothing the caller sent is kept of a request refused for its credentials, signature or address.')}
        />
      ) : (
        <RequestView
          testId="webhook-delivery-request"
          headers={row.headers}
          query={row.query}
          body={row.body}
          files={row.extras?.files}
          rawBody={row.extras?.rawBody}
          rawBodyEncoding={row.extras?.rawBodyEncoding}
          headersNote={t('Only the headers listed in the trigger are kept.')}
        />
      )}
    </>
  );
}

/** One delivery over the history, with a button that runs it again. */
export function DeliveryDetailDrawer({
  id,
  onClose,
  onReplayed,
  retryAttempts,
}: {
  id: number | null;
  onClose: () => void;
  onReplayed: () => void;
  /** The workflow's `retry.attempts`, for "retry 2 of 5". */
  retryAttempts?: number | null;
}) {
  const t = useT();
  const ctx = useFlowContext();
  const { message } = App.useApp();
  const deliveries = ctx.api.resource('webhookDeliveries');

  const detail = useRequest(
    async () => {
      const row = (await deliveries.get<Body<DeliveryRow>>({ filterByTk: id ?? undefined })).data.data;
      const execution = row.executionId == null ? null : await executionOf(ctx.api, row.executionId).catch(() => null);
      return { row, execution };
    },
    { ready: id != null, refreshDeps: [id], onError: (error) => message.error(errorMessage(error)) },
  );
  // Another row may have been opened: what is shown is the one that has loaded for this id.
  const shown = detail.data && detail.data.row.id === id && !detail.loading ? detail.data : null;
  const row = shown?.row ?? null;

  const replay = useRequest(
    async (replayed: DeliveryRow) =>
      (await deliveries.replay<Body<Array<{ id: number }>>>({ values: { ids: [replayed.id] } })).data.data[0],
    {
      manual: true,
      onSuccess: (created) => {
        message.success(t('Replayed as delivery #{{id}}; its run starts in a moment.', { id: created.id }));
        onReplayed();
      },
      onError: (error) => message.error(errorMessage(error)),
    },
  );

  const replayable = row ? isReplayable(row) : false;
  return (
    <Drawer
      open={id != null}
      onClose={onClose}
      title={id != null ? t('Delivery #{{id}}', { id }) : ''}
      width={760}
      destroyOnClose
      data-testid="webhook-delivery-detail"
      extra={
        <Tooltip
          title={
            row && !replayable
              ? t('Refused and repeated requests, and left-out events, have nothing to run.')
              : undefined
          }
        >
          <Button
            type="primary"
            icon={<RedoOutlined />}
            disabled={!replayable}
            loading={replay.loading}
            onClick={() => row && replay.run(row)}
            data-testid="webhook-delivery-replay"
          >
            {t('Replay')}
          </Button>
        </Tooltip>
      }
    >
      {shown ? (
        <DeliveryDetail row={shown.row} execution={shown.execution} retryAttempts={retryAttempts} />
      ) : (
        <Spin style={{ display: 'block', marginTop: 48 }} />
      )}
    </Drawer>
  );
}
