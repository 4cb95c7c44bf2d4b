import { Typography } from 'antd';
import React, { useEffect, useState } from 'react';
import { formatCountdown } from '../../common/listenWindow';

/** The time left until `deadline`, ticking every half second. */
export function Countdown({ deadline }: { deadline: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const interval = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(interval);
  }, []);
  return (
    <Typography.Text strong data-testid="webhook-listen-countdown" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatCountdown((deadline - now) / 1000)}
    </Typography.Text>
  );
}
