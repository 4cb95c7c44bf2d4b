import { Form, Select } from 'antd';
import React from 'react';
import { isAddressOrRange, isCorsOrigin } from '../../common/accessRules';
import { MethodsField } from '../components/MethodsField';
import { useT } from '../locale';

/** A rule for tag lists: names the entries `accepts` refuses. */
function everyEntry(accepts: (entry: unknown) => boolean, message: (entries: string) => string) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      const refused = Array.isArray(value) ? value.filter((entry) => !accepts(entry)) : [];
      if (refused.length) {
        throw new Error(message(refused.join(', ')));
      }
    },
  };
}

/** Which requests reach the workflow at all: methods, caller addresses, browser origins. */
export function AccessFields() {
  const t = useT();
  return (
    <>
      <MethodsField testId="webhook-methods" />
      <Form.Item
        name={['config', 'ipAllowlist']}
        label={t('IP allow-list')}
        rules={[
          everyEntry(isAddressOrRange, (entries) => t('Not an IP address or CIDR range: {{entries}}', { entries })),
        ]}
        extra={t(
          'Only these addresses and ranges may call; others get 403. Empty allows every address. Behind a reverse proxy, list it in WEBHOOK_TRUSTED_PROXIES.',
        )}
      >
        <Select
          mode="tags"
          tokenSeparators={[',', ' ']}
          open={false}
          suffixIcon={null}
          placeholder="203.0.113.0/24, 198.51.100.7, 2001:db8::/32"
          data-testid="webhook-ip-allowlist"
        />
      </Form.Item>
      <Form.Item
        name={['config', 'cors', 'origins']}
        label={t('CORS allowed origins')}
        rules={[everyEntry(isCorsOrigin, (entries) => t('Not an origin: {{entries}}', { entries }))]}
        extra={t('Web pages on these origins may call the URL from a browser; * allows any. Empty allows none.')}
      >
        <Select
          mode="tags"
          tokenSeparators={[',', ' ']}
          open={false}
          suffixIcon={null}
          placeholder="https://app.example.com"
          data-testid="webhook-cors-origins"
        />
      </Form.Item>
    </>
  );
}
