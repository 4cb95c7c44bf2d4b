import { HistoryOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Form } from 'antd';
import React, { useState } from 'react';
import { useT } from '../locale';
import { DeliveryHistoryDrawer } from './DeliveryHistoryDrawer';

/** Opens the delivery history; usable in an executed (read-only) version too. */
export function DeliveryHistoryButton({
  workflowId,
  retryAttempts,
}: {
  workflowId?: number | string;
  /** The workflow's saved `retry.attempts`, for "retry 2 of 5". */
  retryAttempts?: number | null;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <ConfigProvider componentDisabled={false}>
      <Form.Item
        extra={t('Requests received at this URL, how they were answered and what ran; stored ones can be run again.')}
      >
        <Button
          icon={<HistoryOutlined />}
          onClick={() => setOpen(true)}
          disabled={workflowId == null}
          data-testid="webhook-history-open"
        >
          {t('Delivery history')}
        </Button>
      </Form.Item>
      {workflowId != null ? (
        <DeliveryHistoryDrawer
          workflowId={workflowId}
          retryAttempts={retryAttempts}
          open={open}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </ConfigProvider>
  );
}
