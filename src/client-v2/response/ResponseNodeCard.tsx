import { NodeDefaultView, type CanvasNode } from '@nocobase/plugin-workflow/client-v2';
import { Tag, Typography } from 'antd';
import React from 'react';
import type { ResponseConfig } from '../../common/types';
import { useT } from '../locale';

/** The node's card on the canvas, with the status code it answers. */
export default function ResponseNodeCard({ data }: { data: CanvasNode }) {
  const t = useT();
  const statusCode = (data.config as ResponseConfig | undefined)?.statusCode;
  return (
    <NodeDefaultView
      data={data}
      cardExtra={
        <Typography.Text type="secondary" data-testid="response-node-status" style={{ display: 'block', marginTop: 8 }}>
          {t('Status code')}:{' '}
          <Tag style={{ marginInlineEnd: 0 }}>{statusCode == null || statusCode === '' ? 200 : String(statusCode)}</Tag>
        </Typography.Text>
      }
    />
  );
}
