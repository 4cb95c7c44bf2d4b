import { Typography } from 'antd';
import React from 'react';

/** The HTTP status a delivery was answered with, coloured by its class. */
export function AnswerStatus({ status }: { status: number | null | undefined }) {
  if (status == null) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  const type =
    status >= 500 ? 'danger' : status >= 400 ? 'warning' : status >= 200 && status < 300 ? 'success' : undefined;
  return (
    <Typography.Text type={type} strong data-testid="webhook-answer-status">
      {status}
    </Typography.Text>
  );
}
