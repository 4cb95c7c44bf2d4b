import { Alert, Button, Form } from 'antd';
import React from 'react';
import { useT } from '../locale';

/** The header a one-click secret goes in. */
export const SECRET_HEADER_NAME = 'X-Webhook-Secret';

/** 32 random bytes as hex, from the browser's cryptographic generator. */
export function randomSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Without authentication or a signature, the URL's short key is all that guards the workflow, and
 * URLs leak (logs, screenshots, a sender's dashboard). Says so, and offers a secret header.
 */
export function OpenUrlWarning() {
  const t = useT();
  const form = Form.useFormInstance();
  const authType = Form.useWatch(['config', 'auth', 'type']) as string | undefined;
  const preset = Form.useWatch(['config', 'signature', 'preset']) as string | null | undefined;
  const open = (!authType || authType === 'none') && (!preset || preset === 'none');
  if (!open) {
    return null;
  }
  const addSecretHeader = () => {
    form.setFieldValue(['config', 'auth'], { type: 'header', name: SECRET_HEADER_NAME, value: randomSecret() });
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="webhook-open-url-warning"
      message={t('Anyone who learns this URL can start this workflow.')}
      description={t(
        'Its key is the only thing guarding it. Ask senders for a secret header or a signature, or add a secret header now and give its value to the sender.',
      )}
      action={
        <Button size="small" onClick={addSecretHeader} data-testid="webhook-add-secret-header">
          {t('Add a secret header')}
        </Button>
      }
    />
  );
}
