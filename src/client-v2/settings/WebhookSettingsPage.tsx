import { Card, Tabs } from 'antd';
import React from 'react';
import { useT } from '../locale';
import { DeliveryHistory } from '../history/DeliveryHistoryDrawer';
import { OverviewTab } from './overview/OverviewTab';
import { RetentionSettingsForm } from './RetentionSettingsForm';

/** The plugin's settings page, the same component in both clients: every webhook's traffic, then retention. */
export function WebhookSettingsPage() {
  const t = useT();
  return (
    <Card bordered={false} data-testid="webhook-settings">
      <Tabs
        items={[
          { key: 'overview', label: t('Overview'), children: <OverviewTab /> },
          { key: 'deliveries', label: t('Deliveries'), children: <DeliveryHistory /> },
          { key: 'retention', label: t('Retention'), children: <RetentionSettingsForm /> },
        ]}
      />
    </Card>
  );
}

export default WebhookSettingsPage;
