import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, ConfigProvider, Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import React from 'react';
import { type SubscriptionStatus, stateValueText } from '../../common/subscriptions';
import { formatTime } from '../history/formatTime';
import type { Translate } from '../locale';
import { useT } from '../locale';
import { useSubscriptionState } from './useSubscriptionState';

function statusLabel(t: Translate, status: SubscriptionStatus): { label: string; color: string } {
  switch (status) {
    case 'active':
      return { label: t('Active'), color: 'green' };
    case 'failing':
      return { label: t('Failing'), color: 'orange' };
    default:
      return { label: t('Removed'), color: 'default' };
  }
}

/**
 * Where this version's registration with the sender stands: what the sender answered, when it is
 * renewed, what went wrong last. Readable in an executed (read-only) version too.
 */
export function SubscriptionStatusView({ workflowId }: { workflowId?: number | string }) {
  const t = useT();
  const { row, loading, error, reload } = useSubscriptionState(workflowId);
  if (workflowId == null) {
    return null;
  }

  let content: React.ReactNode;
  if (error) {
    content = <Alert type="error" showIcon message={error} />;
  } else if (!row) {
    content = (
      <Typography.Text type="secondary" data-testid="webhook-subscription-none">
        {loading ? t('Loading…') : t('Not registered with the sender yet: enabling this version registers it.')}
      </Typography.Text>
    );
  } else {
    const { label, color } = statusLabel(t, row.status);
    const state = Object.entries(row.state ?? {});
    const items: DescriptionsProps['items'] = [
      {
        key: 'status',
        label: t('Status'),
        children: (
          <Tag color={color} data-testid="webhook-subscription-status" data-status={row.status}>
            {label}
          </Tag>
        ),
      },
      {
        key: 'state',
        label: t('Kept values'),
        children: state.length ? (
          <div data-testid="webhook-subscription-state">
            {state.map(([name, value]) => (
              <div key={name}>
                <Typography.Text type="secondary">{name}: </Typography.Text>
                <Typography.Text copyable>{stateValueText(value)}</Typography.Text>
              </div>
            ))}
          </div>
        ) : (
          '—'
        ),
      },
      {
        key: 'nextRefreshAt',
        label: t('Next renewal'),
        children: (
          <span data-testid="webhook-subscription-next-refresh">
            {row.nextRefreshAt ? formatTime(row.nextRefreshAt) : t('None')}
          </span>
        ),
      },
      { key: 'lastCallAt', label: t('Last call'), children: row.lastCallAt ? formatTime(row.lastCallAt) : '—' },
      { key: 'renewals', label: t('Renewals'), children: row.renewals ?? 0 },
    ];
    if (row.lastError) {
      items.push({
        key: 'lastError',
        label: t('Last error'),
        children: (
          <Typography.Text type="danger" data-testid="webhook-subscription-last-error">
            {row.failures ? `(${t('{{number}} failures', { number: row.failures })}) ` : null}
            {row.lastError}
          </Typography.Text>
        ),
      });
    }
    content = <Descriptions size="small" column={1} bordered items={items} />;
  }

  return (
    <ConfigProvider componentDisabled={false}>
      <div data-testid="webhook-subscription-state-view" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('Registration of this version')}</Typography.Text>
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={loading}
            onClick={reload}
            data-testid="webhook-subscription-reload"
          >
            {t('Refresh')}
          </Button>
        </Flex>
        {content}
      </div>
    </ConfigProvider>
  );
}
