import { Button, Input, Space, Typography } from 'antd';
import React, { useState } from 'react';
import type { SampleError, SampleKeys } from '../../common/sampleKeys';
import { useT } from '../locale';

export interface SamplePanelProps {
  /** Reads the pasted text; its keys are handed to `onKeys`. */
  parse: (text: string) => SampleKeys;
  onKeys: (keys: string[]) => void;
  onClose: () => void;
  placeholder: string;
  testId: string;
}

function useErrorMessage() {
  const t = useT();
  return (error: SampleError) => {
    switch (error) {
      case 'empty':
        return t('Paste a sample first.');
      case 'invalid-json':
        return t('The sample is not valid JSON.');
      default:
        return t('The sample is neither a URL with a query string nor a query string.');
    }
  };
}

/** A paste box under a list: reads a sample and fills the list from it, or says what is wrong. */
export function SamplePanel({ parse, onKeys, onClose, placeholder, testId }: SamplePanelProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onParse = () => {
    const result = parse(text);
    if (result.ok === false) {
      setError(errorMessage(result.error));
      return;
    }
    onKeys(result.keys);
    onClose();
  };

  return (
    <div data-testid={testId} style={{ marginTop: 8 }}>
      <Input.TextArea
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        placeholder={placeholder}
        autoSize={{ minRows: 3, maxRows: 12 }}
        status={error ? 'error' : undefined}
        style={{ fontFamily: 'monospace' }}
        data-testid={`${testId}-input`}
      />
      {error ? (
        <Typography.Text type="danger" role="alert" data-testid={`${testId}-error`}>
          {error}
        </Typography.Text>
      ) : null}
      <Space style={{ display: 'flex', marginTop: 8 }}>
        <Button type="primary" size="small" onClick={onParse} data-testid={`${testId}-submit`}>
          {t('Parse')}
        </Button>
        <Button size="small" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </Space>
    </div>
  );
}
