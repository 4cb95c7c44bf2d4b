import { Form, Input, Radio } from 'antd';
import React from 'react';
import { useT } from '../locale';

/** Who may call the URL: anyone, or callers presenting HTTP Basic credentials. */
export function AuthFields() {
  const t = useT();
  const type = Form.useWatch(['config', 'auth', 'type']) as string | undefined;
  return (
    <>
      <Form.Item name={['config', 'auth', 'type']} label={t('Authentication')} initialValue="none">
        <Radio.Group
          options={[
            { label: t('None'), value: 'none' },
            { label: t('HTTP Basic'), value: 'basic' },
          ]}
        />
      </Form.Item>
      {type === 'basic' ? (
        <>
          <Form.Item
            name={['config', 'auth', 'username']}
            label={t('Username')}
            rules={[{ required: true, whitespace: true, message: t('Required') }]}
          >
            <Input autoComplete="off" data-testid="webhook-auth-username" />
          </Form.Item>
          <Form.Item
            name={['config', 'auth', 'password']}
            label={t('Password')}
            rules={[{ required: true, message: t('Required') }]}
            extra={t('Callers send these in the Authorization header; other requests get 401.')}
          >
            <Input.Password autoComplete="new-password" data-testid="webhook-auth-password" />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}
