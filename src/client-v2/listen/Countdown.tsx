import { useCountDown } from 'ahooks';
import { Typography } from 'antd';
import React from 'react';
import { formatCountdown } from '../../common/listenWindow';

/** The time left until `deadline`, ticking every half second. */
export function Countdown({ deadline }: { deadline: number }) {
  const [left] = useCountDown({ targetDate: deadline, interval: 500 });
  return (
    <Typography.Text strong data-testid="webhook-listen-countdown" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatCountdown(left / 1000)}
    </Typography.Text>
  );
}
