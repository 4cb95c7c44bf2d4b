import { useFlowContext } from '@nocobase/flow-engine';
import { ConfigProvider, Form, Input, Typography } from 'antd';
import React, { useMemo } from 'react';
import { buildWebhookUrl } from '../../common/webhookUrl';
import { useT } from '../locale';

/** The address external systems call, read-only and copyable even in an executed version. */
export function WebhookUrlField({ workflowKey }: { workflowKey?: string }) {
  const t = useT();
  const ctx = useFlowContext();
  const baseURL = ctx.api.axios.defaults.baseURL;
  const methods = Form.useWatch(['config', 'methods'], { preserve: true }) as string[] | undefined;
  const url = useMemo(
    () => (workflowKey ? buildWebhookUrl(window.location.origin, baseURL, workflowKey) : ''),
    [baseURL, workflowKey],
  );

  return (
    <ConfigProvider componentDisabled={false}>
      <Form.Item
        extra={t(
          'Send HTTP {{methods}} requests to this URL. It answers while a version of this workflow is enabled.',
          { methods: methods?.length ? methods.join(', ') : 'POST' },
        )}
      >
        <Input
          readOnly
          value={url}
          aria-label={t('Webhook URL')}
          data-testid="webhook-url"
          suffix={url ? <Typography.Text copyable={{ text: url }} /> : null}
        />
      </Form.Item>
    </ConfigProvider>
  );
}
