import { Alert, Card, Segmented, Skeleton } from 'antd';
import React, { useMemo, useState } from 'react';
import { DEFAULT_STATS_RANGE, type DeliveryStatsView, type StatsRange } from '../../../common/stats';
import { errorMessage } from '../../history/errorMessage';
import { useT } from '../../locale';
import { chartDataOf } from './chartData';
import { useDeliveryStats } from './useDeliveryStats';
import { DeliveryChart } from './DeliveryChart';
import { useStatsOutcomeLabels } from './useStatsOutcomeLabels';

/** The range switch and the chart for numbers read elsewhere (the overview reads them once for both). */
export function StatsChartCard({
  view,
  error,
  range,
  onRange,
}: {
  view?: DeliveryStatsView;
  error?: unknown;
  range: StatsRange;
  onRange: (range: StatsRange) => void;
}) {
  const t = useT();
  const labels = useStatsOutcomeLabels();
  const data = useMemo(() => (view ? chartDataOf(view, labels) : null), [view, labels]);
  const ranges: Array<{ value: StatsRange; label: string }> = [
    { value: 'hour', label: t('Last hour (per minute)') },
    { value: 'day', label: t('Last day (per 15 minutes)') },
    { value: 'week', label: t('Last week (per hour)') },
  ];
  return (
    <Card
      size="small"
      title={t('Deliveries by outcome')}
      extra={
        <Segmented<StatsRange> value={range} onChange={onRange} options={ranges} data-testid="webhook-stats-range" />
      }
      data-testid="webhook-stats-chart"
      style={{ marginBottom: 16 }}
    >
      {error ? (
        <Alert type="error" showIcon message={errorMessage(error)} />
      ) : data ? (
        <DeliveryChart data={data} />
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}

/** The chart of one workflow's deliveries, above its delivery history. */
export function WorkflowStatsChart({ workflowId }: { workflowId: number | string }) {
  const [range, setRange] = useState<StatsRange>(DEFAULT_STATS_RANGE);
  const stats = useDeliveryStats(range, workflowId);
  return <StatsChartCard view={stats.data} error={stats.error} range={range} onRange={setRange} />;
}
