import { EXECUTION_STATUS_OPTIONS_MAP } from '@nocobase/plugin-workflow/dist/common/executionStatus';
import { Tag } from 'antd';
import React from 'react';
import { useT } from '../locale';

/** An execution's status with the workflow plugin's own label and colour. */
export function ExecutionStatusTag({ status }: { status: number | null }) {
  const t = useT();
  const option = EXECUTION_STATUS_OPTIONS_MAP[String(status)];
  return option ? <Tag color={option.color}>{t(option.label)}</Tag> : null;
}
