import { Form, Input, Radio } from 'antd';
import React from 'react';
import type { AuthType } from '../../common/types';
import { clearFields } from '../components/clearFields';
import { headerNameRule } from '../components/headerNameRule';
import { SecretField } from '../components/SecretField';
import { useT } from '../locale';

const AUTH = ['config', 'auth'];

/** The fields each type uses; the others are cleared when the type changes. */
const FIELDS: Record<AuthType, string[]> = {
  none: [],
  basic: ['username', 'password'],
  header: ['name', 'value'],
  bearer: ['token'],
};
const ALL_FIELDS = Object.values(FIELDS).flat();

/** Who may call the URL: anyone, or callers presenting Basic credentials, a header value or a bearer token. */
export function AuthFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const type = Form.useWatch([...AUTH, 'type']) as AuthType | undefined;
  const onTypeChange = (next: AuthType) =>
    clearFields(
      form,
      AUTH,
      ALL_FIELDS.filter((name) => !FIELDS[next]?.includes(name)),
    );
  return (
    <>
      <Form.Item name={[...AUTH, 'type']} label={t('Authentication')} initialValue="none">
        <Radio.Group
          onChange={(event) => onTypeChange(event.target.value as AuthType)}
          data-testid="webhook-auth-type"
          options={[
            { label: t('None'), value: 'none' },
            { label: t('HTTP Basic'), value: 'basic' },
            { label: t('Header'), value: 'header' },
            { label: t('Bearer token'), value: 'bearer' },
          ]}
        />
      </Form.Item>
      {type === 'basic' ? (
        <>
          <Form.Item
            name={[...AUTH, 'username']}
            label={t('Username')}
            rules={[{ required: true, whitespace: true, message: t('Required') }]}
          >
            <Input autoComplete="off" data-testid="webhook-auth-username" />
          </Form.Item>
          <SecretField
            name={[...AUTH, 'password']}
            label={t('Password')}
            testId="webhook-auth-password"
            required
            extra={t('Callers send these in the Authorization header; other requests get 401.')}
          />
        </>
      ) : null}
      {type === 'header' ? (
        <>
          <Form.Item
            name={[...AUTH, 'name']}
            label={t('Header name')}
            rules={[{ required: true, whitespace: true, message: t('Required') }, headerNameRule(t)]}
          >
            <Input placeholder="X-Api-Key" autoComplete="off" data-testid="webhook-auth-header-name" />
          </Form.Item>
          <SecretField
            name={[...AUTH, 'value']}
            label={t('Header value')}
            testId="webhook-auth-header-value"
            required
            extra={t('Callers send this value in the header; other requests get 401.')}
          />
        </>
      ) : null}
      {type === 'bearer' ? (
        <SecretField
          name={[...AUTH, 'token']}
          label={t('Token')}
          testId="webhook-auth-token"
          required
          extra={t('Callers send "Authorization: Bearer <token>"; other requests get 401.')}
        />
      ) : null}
    </>
  );
}
