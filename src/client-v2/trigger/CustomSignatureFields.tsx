import { Form, Input, Radio, Select } from 'antd';
import React from 'react';
import { headerNameRule } from '../components/headerNameRule';
import { useT } from '../locale';

const SIGNATURE = ['config', 'signature'];

/** Any HMAC header scheme: where the signature is, how it is computed and written, and what is signed. */
export function CustomSignatureFields() {
  const t = useT();
  const timestampHeader = Form.useWatch([...SIGNATURE, 'timestampHeader']) as string | undefined;
  return (
    <div data-testid="webhook-signature-custom">
      <Form.Item
        name={[...SIGNATURE, 'header']}
        label={t('Signature header')}
        rules={[headerNameRule(t)]}
        extra={t('Default: X-Signature.')}
      >
        <Input placeholder="X-Signature" autoComplete="off" data-testid="webhook-signature-header" />
      </Form.Item>
      <Form.Item name={[...SIGNATURE, 'algorithm']} label={t('Algorithm')} initialValue="sha256">
        <Select
          style={{ maxWidth: 160 }}
          data-testid="webhook-signature-algorithm"
          options={[
            { label: 'HMAC-SHA1', value: 'sha1' },
            { label: 'HMAC-SHA256', value: 'sha256' },
            { label: 'HMAC-SHA512', value: 'sha512' },
          ]}
        />
      </Form.Item>
      <Form.Item name={[...SIGNATURE, 'encoding']} label={t('Encoding')} initialValue="hex">
        <Radio.Group
          data-testid="webhook-signature-encoding"
          options={[
            { label: 'Hex', value: 'hex' },
            { label: 'Base64', value: 'base64' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={[...SIGNATURE, 'prefix']}
        label={t('Prefix')}
        extra={t('Text before the signature in the header, e.g. sha256=; empty for none.')}
      >
        <Input placeholder="sha256=" autoComplete="off" data-testid="webhook-signature-prefix" />
      </Form.Item>
      <Form.Item
        name={[...SIGNATURE, 'timestampHeader']}
        label={t('Timestamp header')}
        rules={[headerNameRule(t)]}
        extra={t('Optional. When set, the timestamp must be within the tolerance and can be part of what is signed.')}
      >
        <Input placeholder="X-Timestamp" autoComplete="off" data-testid="webhook-signature-timestamp-header" />
      </Form.Item>
      {timestampHeader?.trim() ? (
        <Form.Item
          name={[...SIGNATURE, 'signedPayload']}
          label={t('Signed payload')}
          extra={t('What is signed: {timestamp} is the timestamp header, {body} the body as received.')}
        >
          <Input placeholder="{timestamp}.{body}" autoComplete="off" data-testid="webhook-signature-signed-payload" />
        </Form.Item>
      ) : null}
    </div>
  );
}
