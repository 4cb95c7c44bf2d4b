import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import React, { useEffect, useRef } from 'react';
import type { ChartData } from './chartData';

// Only the parts a stacked bar chart uses, so the bundle carries no other chart type.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Deliveries per bucket, stacked by outcome, drawn by Chart.js on a canvas. */
export function DeliveryChart({ data, height = 240 }: { data: ChartData; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);

  useEffect(() => {
    if (!canvas.current) {
      return undefined;
    }
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  // New numbers update the same chart: no flicker when the range switches or a refresh comes in.
  useEffect(() => {
    if (chart.current) {
      chart.current.data = { labels: data.labels, datasets: data.datasets };
      chart.current.update();
    }
  }, [data]);

  return (
    <div style={{ position: 'relative', height }}>
      <canvas ref={canvas} data-testid="webhook-stats-canvas" />
    </div>
  );
}
