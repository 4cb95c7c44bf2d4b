import { RedoOutlined } from '@ant-design/icons';
import { useFlowContext } from '@nocobase/flow-engine';
import { useRequest } from 'ahooks';
import { App, Button } from 'antd';
import React from 'react';
import { useT } from '../locale';
import type { Body } from '../resources';
import { errorMessage } from './errorMessage';

/** `webhookDeliveries:replayGivenUp`'s answer: the async task replaying them (when the task manager is on), and how many. */
interface ReplayGivenUpStarted {
  taskId: number | string | null;
  total: number;
}

/**
 * Replays every given-up delivery of a workflow, after asking. The server does it in the
 * background, through NocoBase's async task manager when the app has it, whose task list shows the
 * progress; the button only starts it.
 */
export function ReplayGivenUpButton({
  workflowId,
  onStarted,
}: {
  /** Without one, every webhook workflow's given-up deliveries. */
  workflowId?: number | string;
  onStarted: () => void;
}) {
  const t = useT();
  const ctx = useFlowContext();
  const { message, modal } = App.useApp();

  const replay = useRequest(
    async () =>
      (
        await ctx.api
          .resource('webhookDeliveries')
          .replayGivenUp<Body<ReplayGivenUpStarted>>({ values: { workflowId } })
      ).data.data,
    {
      manual: true,
      onSuccess: ({ taskId, total }) => {
        if (!total) {
          message.info(
            workflowId == null ? t('No delivery has given up.') : t('No delivery of this workflow has given up.'),
          );
          return;
        }
        message.success(
          taskId != null
            ? t('Replaying {{number}} given-up deliveries in the background; the task list shows the progress.', {
                number: total,
              })
            : t('Replaying {{number}} given-up deliveries in the background.', { number: total }),
        );
        onStarted();
      },
      onError: (error) => message.error(errorMessage(error)),
    },
  );

  const confirm = () =>
    modal.confirm({
      title: t('Replay all given-up deliveries?'),
      content:
        workflowId == null
          ? t(
              'Each given-up delivery of every webhook workflow runs again as a new delivery; those already replayed are left out.',
            )
          : t(
              'Each given-up delivery of this workflow runs again as a new delivery; those already replayed are left out.',
            ),
      okText: t('Replay all'),
      onOk: () => replay.run(),
    });

  return (
    <Button
      icon={<RedoOutlined />}
      loading={replay.loading}
      onClick={confirm}
      data-testid="webhook-history-replay-given-up"
    >
      {t('Replay all given-up deliveries')}
    </Button>
  );
}
