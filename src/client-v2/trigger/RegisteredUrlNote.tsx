import { useFlowContext } from '@nocobase/flow-engine';
import { Alert, Typography } from 'antd';
import { useRequest } from 'ahooks';
import React from 'react';
import type { RetentionSettingsView } from '../../common/retentionLimits';
import { buildWebhookUrl } from '../../common/webhookUrl';
import { SETTINGS_RESOURCE } from '../../common/settings';
import { useT } from '../locale';

interface Body<T> {
  data: T;
}

/**
 * The exact URL "Register with the sender" hands out, shown before saving: behind
 * `WEBHOOK_PUBLIC_URL` when the server has one, else the origin this page reaches the app at, which
 * is what the server takes from the admin's own request.
 */
export function RegisteredUrlNote({ workflowKey }: { workflowKey?: string }) {
  const t = useT();
  const ctx = useFlowContext();
  const baseURL = ctx.api.axios.defaults.baseURL;
  // Readable by those who manage the plugin's settings; others see the page's own origin.
  const settings = useRequest(
    async () =>
      (await ctx.api.resource(SETTINGS_RESOURCE).get<Body<RetentionSettingsView>>()).data.data.publicOrigin ?? null,
  );
  if (!workflowKey || settings.loading) {
    return null;
  }
  // Behind WEBHOOK_PUBLIC_URL the API keeps its path; without it, the admin's request's origin is the API's.
  const url = settings.data
    ? buildWebhookUrl(settings.data, new URL(baseURL || '/api/', window.location.origin).pathname, workflowKey)
    : buildWebhookUrl(window.location.origin, baseURL, workflowKey);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="webhook-subscription-url"
      message={
        <>
          {t('The sender will be given this URL:')}{' '}
          <Typography.Text code copyable>
            {url}
          </Typography.Text>
        </>
      }
    />
  );
}
