import { Space, Tag, Tooltip, Typography } from 'antd';
import React from 'react';
import { type DeliveryRow, outcomeOf } from '../../common/deliveries';
import { useT } from '../locale';
import { useOutcomeLabels } from './useOutcomeLabels';

/** What happened to a delivery, with the reason a check refused it or a run failed. */
export function OutcomeTag({ row, showReason = true }: { row: DeliveryRow; showReason?: boolean }) {
  const t = useT();
  const labels = useOutcomeLabels();
  const outcome = outcomeOf(row.state);
  const { label, color } = labels[outcome];
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
