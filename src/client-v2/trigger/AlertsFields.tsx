import { Flex, Form, InputNumber, Switch, Typography } from 'antd';
import React, { useCallback } from 'react';
import { RecordSelect } from '../components/RecordSelect';
import { useT } from '../locale';

const ALERTS = ['config', 'alerts'];
const FAILURES = [...ALERTS, 'failures'];
const COUNT = [...FAILURES, 'count'];
const MINUTES = [...FAILURES, 'minutes'];

type RecordOf = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : '');

/**
 * Who is told, through NocoBase's notification manager, when deliveries fail. Users are a plain
 * list of ids here: the workflow plugin's user picker takes one user, a variable or a filter, which
 * an alert sent outside any run could not resolve.
 */
export function AlertsFields({ async }: { async: boolean }) {
  const t = useT();
  const form = Form.useFormInstance();
  const userLabel = useCallback(
    (user: RecordOf) => text(user.nickname) || text(user.username) || text(user.email) || `#${String(user.id)}`,
    [],
  );
  const titled = useCallback((record: RecordOf) => t(text(record.title) || String(record.name)), [t]);
  // Both numbers or neither: a half-filled threshold would never alert.
  const bothOrNeither = (other: string[]) => ({
    validator: async (_rule: unknown, value: unknown) => {
      if (value == null && form.getFieldValue(other) != null) {
        throw new Error(t('Required'));
      }
    },
  });

  return (
    <>
      <Form.Item name={[...ALERTS, 'users']} label={t('Users')}>
        <RecordSelect
          resource="users"
          valueKey="id"
          searchFields={['nickname', 'username', 'email']}
          labelOf={userLabel}
          placeholder={t('Search users')}
          aria-label={t('Users')}
          data-testid="webhook-alerts-users"
        />
      </Form.Item>
      <Form.Item name={[...ALERTS, 'roles']} label={t('Roles')} extra={t('Every user with one of these roles.')}>
        <RecordSelect
          resource="roles"
          valueKey="name"
          searchFields={['title', 'name']}
          labelOf={titled}
          placeholder={t('Search roles')}
          aria-label={t('Roles')}
          data-testid="webhook-alerts-roles"
        />
      </Form.Item>
      <Form.Item
        name={[...ALERTS, 'channels']}
        label={t('Channels')}
        extra={t('Notification channels of the notification manager. Empty sends an in-app message.')}
      >
        <RecordSelect
          resource="notificationChannels"
          valueKey="name"
          searchFields={['title', 'name']}
          labelOf={titled}
          placeholder={t('In-app message')}
          aria-label={t('Channels')}
          data-testid="webhook-alerts-channels"
        />
      </Form.Item>
      {async ? (
        <Form.Item
          name={[...ALERTS, 'onGiveUp']}
          label={t('When a delivery gives up')}
          valuePropName="checked"
          // Alerting on a given-up delivery is the server's default: shown on until turned off.
          getValueProps={(value) => ({ checked: value ?? true })}
          extra={t('Its last attempt failed and nothing runs it again.')}
        >
          <Switch data-testid="webhook-alerts-on-give-up" />
        </Form.Item>
      ) : null}
      <Form.Item
        label={t('When deliveries fail often')}
        extra={t('At most one alert per window. Empty never alerts on a count.')}
      >
        <Flex gap={8} align="start" wrap="wrap" data-testid="webhook-alerts-failures">
          <Typography.Text style={{ lineHeight: '32px' }}>{t('More than')}</Typography.Text>
          <Form.Item name={COUNT} dependencies={[MINUTES]} rules={[bothOrNeither(MINUTES)]} style={{ marginBottom: 0 }}>
            <InputNumber
              min={1}
              precision={0}
              placeholder="10"
              addonAfter={t('failed deliveries')}
              aria-label={t('failed deliveries')}
              data-testid="webhook-alerts-failures-count"
            />
          </Form.Item>
          <Typography.Text style={{ lineHeight: '32px' }}>{t('within')}</Typography.Text>
          <Form.Item name={MINUTES} dependencies={[COUNT]} rules={[bothOrNeither(COUNT)]} style={{ marginBottom: 0 }}>
            <InputNumber
              min={1}
              precision={0}
              placeholder="15"
              addonAfter={t('minutes')}
              aria-label={t('minutes')}
              data-testid="webhook-alerts-failures-minutes"
            />
          </Form.Item>
        </Flex>
      </Form.Item>
    </>
  );
}
