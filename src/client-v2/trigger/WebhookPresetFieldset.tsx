import { Typography } from 'antd';
import React from 'react';
import { useT } from '../locale';

/**
 * Shown while creating a workflow: the generic execute-mode hints speak of user actions and
 * queues, this says what each mode means for the system calling the webhook.
 */
export default function WebhookPresetFieldset() {
  const t = useT();
  return (
    <div data-testid="webhook-preset">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('Synchronously: the caller waits for the run and gets the answer of an "HTTP Response" node.')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('Asynchronously: the caller is answered at once with the response set on the trigger.')}
      </Typography.Paragraph>
    </div>
  );
}
