import dayjs from 'dayjs';
import { chartDataOf, OUTCOME_COLOURS } from '../chartData';

const labels = {
  ran: 'Ran',
  pending: 'Waiting or running',
  retrying: 'Retrying',
  failed: 'Failed',
  gaveUp: 'Gave up',
  refused: 'Refused',
  other: 'Other',
};

describe('the chart data of a stats answer', () => {
  const start = Date.UTC(2026, 0, 5, 10, 0);
  const series = [0, 1, 2].map((index) => ({ start: new Date(start + index * 60_000).toISOString(), counts: {} }));

  it('stacks one dataset per outcome that happened, in the overview order, zero where a bucket had none', () => {
    series[0].counts = { failed: 2, ran: 5 };
    series[2].counts = { ran: 1, refused: 3 };
    const data = chartDataOf({ range: 'hour', series }, labels);
    expect(data.datasets.map((dataset) => [dataset.outcome, dataset.label, dataset.data])).toEqual([
      ['ran', 'Ran', [5, 0, 1]],
      ['failed', 'Failed', [2, 0, 0]],
      ['refused', 'Refused', [0, 0, 3]],
    ]);
    expect(data.datasets[1].backgroundColor).toBe(OUTCOME_COLOURS.failed);
  });

  it('labels each bucket by its local start, with the date over a week', () => {
    expect(chartDataOf({ range: 'hour', series }, labels).labels).toEqual(
      series.map((bucket) => dayjs(bucket.start).format('HH:mm')),
    );
    expect(chartDataOf({ range: 'week', series: series.slice(0, 1) }, labels).labels).toEqual([
      dayjs(start).format('MM-DD HH:00'),
    ]);
  });

  it('has no dataset when nothing was received', () => {
    const empty = series.map((bucket) => ({ ...bucket, counts: {} }));
    expect(chartDataOf({ range: 'day', series: empty }, labels)).toEqual({
      labels: expect.any(Array),
      datasets: [],
    });
  });
});
