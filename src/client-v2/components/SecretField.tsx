import { Form, Input } from 'antd';
import React from 'react';
import { useT } from '../locale';

export interface SecretFieldProps {
  name: string[];
  label: string;
  testId: string;
  required?: boolean;
  /** What the secret is for, shown above the note on `{{$env.NAME}}`. */
  extra?: React.ReactNode;
  placeholder?: string;
}

/**
 * A masked input for a credential or signing secret. Browsers must not offer a saved login here,
 * and the value may name one of NocoBase's environment variables instead of holding the secret.
 */
export function SecretField({ name, label, testId, required, extra, placeholder }: SecretFieldProps) {
  const t = useT();
  const envNote = t('Type it here, or write {{example}} to read it from "Variables and secrets".', {
    example: '{{$env.NAME}}',
  });
  return (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, message: t('Required') }] : []}
      extra={
        extra ? (
          <>
            <div>{extra}</div>
            <div>{envNote}</div>
          </>
        ) : (
          envNote
        )
      }
    >
      <Input.Password autoComplete="new-password" placeholder={placeholder} data-testid={testId} />
    </Form.Item>
  );
}
