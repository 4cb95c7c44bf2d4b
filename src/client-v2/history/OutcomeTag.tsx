import { Space, Tag, Tooltip, Typography } from 'antd';
import React from 'react';
import { type DeliveryRow, outcomeOf } from '../../common/deliveries';
import { useT } from '../locale';
import { attemptSummary } from './attemptSummary';
import { useOutcomeLabels } from './useOutcomeLabels';

export interface OutcomeTagProps {
  row: DeliveryRow;
  showReason?: boolean;
  /** The workflow's `retry.attempts`, for "retry 2 of 5". */
  retryAttempts?: number | null;
}

/** What happened to a delivery, with the reason a check refused it or a run failed, and its retries. */
export function OutcomeTag({ row, showReason = true, retryAttempts }: OutcomeTagProps) {
  const t = useT();
  const labels = useOutcomeLabels();
  const outcome = outcomeOf(row.state);
  const { color } = labels[outcome];
  const label = attemptSummary(t, row, retryAttempts) ?? labels[outcome].label;
  const reason = outcome !== 'duplicate' && outcome !== 'ran' && row.error ? row.error : null;
  return (
    <Space size={4} wrap data-testid="webhook-delivery-outcome" data-outcome={outcome}>
      <Tag color={color} style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
      {row.replayOf ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('Replay of #{{id}}', { id: row.replayOf })}
        </Typography.Text>
      ) : null}
      {showReason && reason ? (
        <Tooltip title={reason}>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220, fontSize: 12 }}>
            {reason}
          </Typography.Text>
        </Tooltip>
      ) : null}
    </Space>
  );
}
