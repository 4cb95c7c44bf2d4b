import { useNodeContext } from '@nocobase/plugin-workflow/client-v2';
import { Alert, ConfigProvider, Typography } from 'antd';
import React from 'react';
import { callbackUrlTemplate } from '../variables/callbackVariables';
import { useT } from '../locale';

/**
 * Which variable is this node's callback URL. It exists from the start of every run, so nodes
 * before this one can hand it out (register it with a provider, send it in a mail).
 */
export function CallbackUrlNote() {
  const t = useT();
  const node = useNodeContext();
  const variable = node?.key ? callbackUrlTemplate(node.key) : '';
  return (
    <ConfigProvider componentDisabled={false}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="webhook-callback-note"
        message={t("Hand out this run's callback URL with this variable")}
        description={
          <>
            <Typography.Paragraph code copyable style={{ margin: '4px 0 8px' }} data-testid="webhook-callback-variable">
              {variable}
            </Typography.Paragraph>
            <div>
              {t(
                'Every run has its own URL from the moment it starts, so nodes before this one can send it to the system that will call back. The run waits here until a request reaches it.',
              )}
            </div>
          </>
        }
      />
    </ConfigProvider>
  );
}
