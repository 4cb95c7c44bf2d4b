import dayjs from 'dayjs';
import { type DeliveryStatsView, STATS_OUTCOMES, type StatsOutcome, type StatsRange } from '../../../common/stats';

/** One stacked series of the chart: an outcome's deliveries in every bucket. */
export interface ChartDataset {
  outcome: StatsOutcome;
  label: string;
  data: number[];
  backgroundColor: string;
}

export interface ChartData {
  labels: string[];
  datasets: ChartDataset[];
}

/** antd's palette: green ran, blue pending, gold retrying, red failed, magenta gave up, grey the rest. */
export const OUTCOME_COLOURS: Record<StatsOutcome, string> = {
  ran: '#52c41a',
  pending: '#1677ff',
  retrying: '#faad14',
  failed: '#ff4d4f',
  gaveUp: '#c41d7f',
  refused: '#fa8c16',
  other: '#bfbfbf',
};

/** A bucket's start as short as the range reads: the clock within a day, the date and hour over a week. */
const LABEL_FORMAT: Record<StatsRange, string> = { hour: 'HH:mm', day: 'HH:mm', week: 'MM-DD HH:00' };

/**
 * The answer's series as the stacked bar chart draws it: a label per bucket (local time) and one
 * dataset per outcome, in the overview's order. Outcomes with no delivery in the range are left
 * out, so the legend names only what happened.
 */
export function chartDataOf(
  view: Pick<DeliveryStatsView, 'range' | 'series'>,
  labels: Record<StatsOutcome, string>,
): ChartData {
  return {
    labels: view.series.map((bucket) => dayjs(bucket.start).format(LABEL_FORMAT[view.range])),
    datasets: STATS_OUTCOMES.map((outcome) => ({
      outcome,
      label: labels[outcome],
      data: view.series.map((bucket) => bucket.counts[outcome] ?? 0),
      backgroundColor: OUTCOME_COLOURS[outcome],
    })).filter((dataset) => dataset.data.some((count) => count > 0)),
  };
}
