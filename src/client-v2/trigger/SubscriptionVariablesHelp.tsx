import { Typography } from 'antd';
import React from 'react';
import { useT } from '../locale';

/** The variables the calls' URLs, headers and bodies may use; they are not the workflow's variables. */
export function SubscriptionVariablesHelp() {
  const t = useT();
  const lines: Array<[string, string]> = [
    [
      '{{$webhook.url}}',
      t("this workflow's URL, under WEBHOOK_PUBLIC_URL (the address the sender reaches the app at)"),
    ],
    ['{{$env.NAME}}', t('a variable or secret from "Variables and secrets": write tokens this way')],
    ['{{$state.webhookId}}', t('a value kept from an earlier answer')],
    ['{{$response.body.id}}', t('the answer being read, in "Keep from the answer" and "Renew at"')],
  ];
  return (
    <Typography.Paragraph type="secondary" data-testid="webhook-subscription-variables">
      {t('Variables:')}
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {lines.map(([variable, meaning]) => (
          <li key={variable}>
            <Typography.Text code>{variable}</Typography.Text> {meaning}
          </li>
        ))}
      </ul>
    </Typography.Paragraph>
  );
}
