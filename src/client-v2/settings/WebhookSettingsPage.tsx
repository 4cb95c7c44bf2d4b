import { Card } from 'antd';
import React from 'react';
import { useT } from '../locale';
import { RetentionSettingsForm } from './RetentionSettingsForm';

/** The plugin's settings page, the same component in both clients. */
export function WebhookSettingsPage() {
  const t = useT();
  return (
    <Card bordered={false} title={t('Retention of the delivery history')} data-testid="webhook-settings">
      <RetentionSettingsForm />
    </Card>
  );
}

export default WebhookSettingsPage;
