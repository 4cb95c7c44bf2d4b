import { CopyOutlined } from '@ant-design/icons';
import { useFlowEngine } from '@nocobase/flow-engine';
import { App, Button, ConfigProvider, Form, Input, Space, Tooltip } from 'antd';
import React, { useMemo } from 'react';
import { buildWebhookUrl } from '../../common/webhookUrl';
import { copyText } from '../components/copyText';
import { useT } from '../locale';

/** The address external systems call, read-only and copyable even in an executed version. */
export function WebhookUrlField({ workflowKey }: { workflowKey?: string }) {
  const t = useT();
  const engine = useFlowEngine();
  const { message } = App.useApp();
  const baseURL = engine.context.api?.axios?.defaults?.baseURL;
  const methods = Form.useWatch(['config', 'methods']) as string[] | undefined;
  const url = useMemo(
    () => (workflowKey ? buildWebhookUrl(window.location.origin, baseURL, workflowKey) : ''),
    [baseURL, workflowKey],
  );

  const onCopy = async () => {
    if (await copyText(url)) {
      message.success(t('Copied'));
    } else {
      message.error(t('Copy failed, select the URL and copy it by hand.'));
    }
  };

  return (
    <ConfigProvider componentDisabled={false}>
      <Form.Item
        extra={t(
          'Send HTTP {{methods}} requests to this URL. It answers while a version of this workflow is enabled.',
          { methods: methods?.length ? methods.join(', ') : 'POST' },
        )}
      >
        <Space.Compact block>
          <Input readOnly value={url} data-testid="webhook-url" aria-label={t('Webhook URL')} />
          <Tooltip title={t('Copy')}>
            <Button icon={<CopyOutlined />} onClick={onCopy} disabled={!url} aria-label={t('Copy')} />
          </Tooltip>
        </Space.Compact>
      </Form.Item>
    </ConfigProvider>
  );
}
