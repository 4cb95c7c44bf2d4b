import { NodeDefaultView, type CanvasNode, useFlowContext } from '@nocobase/plugin-workflow/client-v2';
import { ConfigProvider, Flex, Tag, Typography } from 'antd';
import React from 'react';
import { absoluteUrl, callbackSummary, formatWait, type JobLike, waitingCallbackUrl } from '../../common/callbackJob';
import type { CallbackNodeConfig } from '../../common/types';
import { useT } from '../locale';
import { useShareCallbackNodes } from './knownCallbackNodes';

/**
 * The node's card: the methods it accepts and how long it waits; on an execution's canvas, while
 * the run waits here, the URL it waits at.
 */
export default function CallbackNodeCard({ data }: { data: CanvasNode }) {
  const t = useT();
  useShareCallbackNodes();
  const { methods, timeout, onTimeout } = callbackSummary(data.config as CallbackNodeConfig | undefined);
  const { execution } = useFlowContext() ?? {};
  const waiting = waitingCallbackUrl(
    data.jobs as JobLike[] | undefined,
    execution?.context as { callbackUrls?: Record<string, unknown> } | undefined,
    data.key,
  );
  const url = waiting ? absoluteUrl(window.location.origin, waiting) : null;
  return (
    <NodeDefaultView
      data={data}
      cardExtra={
        <div data-testid="webhook-callback-card" style={{ marginTop: 8 }}>
          <Flex gap={4} wrap align="center">
            {methods.map((method) => (
              <Tag key={method} style={{ marginInlineEnd: 0 }}>
                {method}
              </Tag>
            ))}
            <Typography.Text type="secondary" data-testid="webhook-callback-card-timeout">
              {timeout == null
                ? t('waits without a time limit')
                : onTimeout === 'continue'
                  ? t('waits up to {{duration}}, then continues', { duration: formatWait(timeout) })
                  : t('waits up to {{duration}}, then fails', { duration: formatWait(timeout) })}
            </Typography.Text>
          </Flex>
          {url ? (
            <ConfigProvider componentDisabled={false}>
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                {t('Waiting for a request at')}
              </Typography.Text>
              <Flex gap={4} align="center">
                <Typography.Text
                  code
                  ellipsis={{ tooltip: url }}
                  style={{ flex: 1, minWidth: 0 }}
                  data-testid="webhook-callback-waiting-url"
                >
                  {url}
                </Typography.Text>
                {/* A click on the card opens the node: copying stays a copy. */}
                <Typography.Text copyable={{ text: url, onCopy: (event) => event?.stopPropagation() }} />
              </Flex>
            </ConfigProvider>
          ) : null}
        </div>
      }
    />
  );
}
