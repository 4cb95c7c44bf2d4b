import { RedoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import React, { useEffect, useState } from 'react';
import { type DeliveryRow, isReplayable, keptNothing } from '../../common/deliveries';
import { executionDuration, type ExecutionSummary, executionStatusName, formatDuration } from '../../common/executions';
import { RequestView } from '../components/RequestView';
import { useT } from '../locale';
import { AnswerStatus } from './AnswerStatus';
import { errorMessage } from './errorMessage';
import { ExecutionLink } from './ExecutionLink';
import { formatTime } from './formatTime';
import { OutcomeTag } from './OutcomeTag';
import { useDeliveryApi } from './useDeliveryApi';
import { useExecutionStatusLabels } from './useStatusLabels';

function ExecutionSummaryView({ id, execution }: { id: number | string; execution: ExecutionSummary | null }) {
  const labels = useExecutionStatusLabels();
  const status = execution ? labels[executionStatusName(execution.status)] : null;
  const duration = executionDuration(execution);
  return (
    <Space size={8} wrap data-testid="webhook-delivery-execution">
      {status ? <Tag color={status.color}>{status.label}</Tag> : null}
      {duration != null ? <Typography.Text type="secondary">{formatDuration(duration)}</Typography.Text> : null}
      <ExecutionLink id={id} />
    </Space>
  );
}

/** Everything kept of one delivery: what it asked, what it was answered, what ran. */
function DeliveryDetail({ row, execution }: { row: DeliveryRow; execution: ExecutionSummary | null }) {
  const t = useT();
  const none = <Typography.Text type="secondary">{t('None')}</Typography.Text>;
  const items = [
    { key: 'receivedAt', label: t('Received at'), children: formatTime(row.receivedAt) },
    { key: 'method', label: t('Method'), children: <Tag>{row.method}</Tag> },
    { key: 'answer', label: t('Answer status'), children: <AnswerStatus status={row.answerStatus} /> },
    { key: 'outcome', label: t('Outcome'), children: <OutcomeTag row={row} showReason={false} /> },
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
}: {
  id: number | null;
  onClose: () => void;
  onReplayed: () => void;
}) {
  const t = useT();
  const api = useDeliveryApi();
  const { message } = App.useApp();
  const [row, setRow] = useState<DeliveryRow | null>(null);
  const [execution, setExecution] = useState<ExecutionSummary | null>(null);
  const [replaying, setReplaying] = useState(false);

  useEffect(() => {
    setRow(null);
    setExecution(null);
    if (id == null) {
      return undefined;
    }
    // Another row may be opened before this one has loaded.
    let current = true;
    const load = async () => {
      try {
        const found = await api.get(id);
        const ran = found.executionId == null ? null : await api.execution(found.executionId).catch(() => null);
        if (current) {
          setRow(found);
          setExecution(ran);
        }
      } catch (error) {
        if (current) {
          message.error(errorMessage(error));
        }
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [api, message, id]);

  const replay = async () => {
    if (!row) {
      return;
    }
    setReplaying(true);
    try {
      const [created] = await api.replay([row.id]);
      message.success(t('Replayed as delivery #{{id}}; its run starts in a moment.', { id: created.id }));
      onReplayed();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setReplaying(false);
    }
  };

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
            loading={replaying}
            onClick={() => void replay()}
            data-testid="webhook-delivery-replay"
          >
            {t('Replay')}
          </Button>
        </Tooltip>
      }
    >
      {row ? <DeliveryDetail row={row} execution={execution} /> : <Spin style={{ display: 'block', marginTop: 48 }} />}
    </Drawer>
  );
}
