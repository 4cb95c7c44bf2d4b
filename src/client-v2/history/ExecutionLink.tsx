import { ExportOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import React from 'react';
import { useT } from '../locale';
import { executionHref } from './executionRoute';

/** Opens an execution's page of the current client in a new tab, leaving the designer as it is. */
export function ExecutionLink({ id, children }: { id: number | string; children?: React.ReactNode }) {
  const t = useT();
  return (
    <Typography.Link
      href={executionHref(id)}
      target="_blank"
      rel="noopener noreferrer"
      title={t('Execution #{{id}}', { id })}
      onClick={(event) => event.stopPropagation()}
      data-testid="webhook-execution-link"
    >
      {children ?? t('Open')} <ExportOutlined />
    </Typography.Link>
  );
}
