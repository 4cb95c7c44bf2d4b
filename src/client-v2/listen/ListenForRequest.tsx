import { AimOutlined } from '@ant-design/icons';
import { Alert, App, Button, ConfigProvider, Form, Space, Spin, Tag } from 'antd';
import React, { useCallback, useRef } from 'react';
import { RequestView } from '../components/RequestView';
import { errorMessage } from '../history/errorMessage';
import { formatTime } from '../history/formatTime';
import { useT } from '../locale';
import { Countdown } from './Countdown';
import { fillRowsFromRequest } from './fillRowsFromRequest';
import { useListener } from './useListener';

/** Whether an element is on screen: a closed drawer hides its content without unmounting it. */
function isDisplayed(element: HTMLElement | null): boolean {
  return Boolean(element?.isConnected && element.getClientRects().length > 0);
}

/**
 * "Listen for a test request": the next request to the webhook URL is shown here, and its headers,
 * query and body can fill the rows below.
 */
export function ListenForRequest({ workflowId }: { workflowId?: number | string }) {
  const t = useT();
  const form = Form.useFormInstance();
  const { message } = App.useApp();
  const panel = useRef<HTMLDivElement>(null);
  const isShown = useCallback(() => isDisplayed(panel.current), []);
  const { state, start, cancel } = useListener(workflowId, isShown);

  const apply = () => {
    if (state.phase !== 'captured') {
      return;
    }
    const added = fillRowsFromRequest(form, state.request);
    if (added) {
      message.success(t('Added {{number}} new rows.', { number: added }));
    } else {
      message.info(t('Every field of this request is already listed.'));
    }
  };

  const listenButton = (label: string, size?: 'small') => (
    <Button
      size={size}
      icon={<AimOutlined />}
      onClick={() => start()}
      loading={state.phase === 'starting'}
      disabled={workflowId == null}
      data-testid="webhook-listen"
    >
      {label}
    </Button>
  );

  return (
    <div ref={panel} data-testid="webhook-listen-panel" style={{ marginBottom: 16 }}>
      {/* Listening changes nothing saved, so it works in an executed (read-only) version too. */}
      <ConfigProvider componentDisabled={false}>
        {state.phase === 'idle' || state.phase === 'starting' ? (
          <Form.Item
            style={{ marginBottom: 0 }}
            extra={t(
              'Send a request to the webhook URL within two minutes to see what arrives. While the workflow is disabled, it is answered without a run.',
            )}
          >
            {listenButton(t('Listen for a test request'))}
          </Form.Item>
        ) : null}
        {state.phase === 'waiting' ? (
          <Alert
            type="info"
            showIcon
            icon={<Spin size="small" />}
            data-testid="webhook-listen-waiting"
            message={
              <Space wrap>
                <span>{t('Waiting for a request to the webhook URL…')}</span>
                <Countdown deadline={state.deadline} />
              </Space>
            }
            action={
              <Button size="small" onClick={cancel} data-testid="webhook-listen-cancel">
                {t('Cancel')}
              </Button>
            }
          />
        ) : null}
        {state.phase === 'expired' || state.phase === 'failed' ? (
          <Alert
            type="warning"
            showIcon
            data-testid="webhook-listen-expired"
            message={
              state.phase === 'expired'
                ? t('No request arrived within two minutes.')
                : t('Listening stopped: {{error}}', { error: errorMessage(state.error) })
            }
            action={listenButton(t('Listen again'))}
          />
        ) : null}
      </ConfigProvider>
      {state.phase === 'captured' ? (
        <div data-testid="webhook-listen-captured">
          <Alert
            type="success"
            showIcon
            message={
              <Space wrap>
                <span>{t('Request received at {{time}}', { time: formatTime(state.request.receivedAt) })}</span>
                <Tag>{state.request.method}</Tag>
              </Space>
            }
            description={t(
              'Fill the rows below with its header names, query parameters and body fields; connection and credential headers are left out.',
            )}
            action={
              <Space direction="vertical" align="end">
                {/* Not overridden: the rows of an executed (read-only) version cannot be filled. */}
                <Button type="primary" size="small" onClick={apply} data-testid="webhook-listen-apply">
                  {t('Fill rows from this request')}
                </Button>
                <ConfigProvider componentDisabled={false}>
                  <Space size={4}>
                    {listenButton(t('Listen again'), 'small')}
                    <Button size="small" onClick={cancel} data-testid="webhook-listen-dismiss">
                      {t('Dismiss')}
                    </Button>
                  </Space>
                </ConfigProvider>
              </Space>
            }
          />
          <RequestView
            testId="webhook-listen-request"
            headers={state.request.headers}
            query={state.request.query}
            body={state.request.body}
            headersNote={t('Credentials are masked.')}
          />
        </div>
      ) : null}
    </div>
  );
}
