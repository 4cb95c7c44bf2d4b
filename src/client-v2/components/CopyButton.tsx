import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import React from 'react';
import { useT } from '../locale';
import { copyText } from './copyText';

export interface CopyButtonProps {
  text: string;
  testId?: string;
  size?: 'small' | 'middle';
}

/** Copies `text`, confirming with a message; stays usable in a read-only form and on a node card. */
export function CopyButton({ text, testId, size }: CopyButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const onClick = async (event: React.MouseEvent) => {
    event.stopPropagation();
    if (await copyText(text)) {
      message.success(t('Copied'));
    } else {
      message.error(t('Copy failed, select the text and copy it by hand.'));
    }
  };
  return (
    <Tooltip title={t('Copy')}>
      <Button
        size={size}
        icon={<CopyOutlined />}
        onClick={onClick}
        disabled={!text}
        aria-label={t('Copy')}
        data-testid={testId}
      />
    </Tooltip>
  );
}
