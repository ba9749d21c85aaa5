import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../i18n/format.ts';

// Only the parts the monitor draws, so the bundle carries no other chart types.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Colour-blind safe (Okabe–Ito, then Tol's muted colours); the table beside each chart carries the numbers. */
const COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#882255',
  '#44AA99',
  '#999933',
  '#AA4499',
  '#332288',
];
/** Lines differ in pattern as well as colour. */
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

export interface Series {
  label: string;
  /** null: no figure (hidden, or nothing to count); drawn as a gap. */
  data: (number | null)[];
}

export interface ChartProps {
  kind: 'line' | 'bar';
  labels: string[];
  series: Series[];
  /** What the chart shows, for people who cannot see it; the table below it has every number. */
  summary: string;
  stacked?: boolean;
  horizontal?: boolean;
  /** How a value is written on the axis and in the tooltip. */
  format?: (value: number) => string;
  max?: number;
}

/** A Chart.js chart on a canvas that follows the width of its container; redrawn when its data change. */
export function ChartCanvas({
  kind,
  labels,
  series,
  summary,
  stacked = false,
  horizontal = false,
  format = formatNumber,
  max,
}: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const valueAxis = {
      beginAtZero: true,
      stacked,
      max,
      ticks: { callback: (value: string | number) => format(Number(value)) },
    };
    const categoryAxis = { stacked, ticks: { autoSkip: true } };
    const config: ChartConfiguration<'line' | 'bar', (number | null)[], string> = {
      type: kind,
      data: {
        labels,
        datasets: series.map((item, index) => ({
          label: item.label,
          data: item.data,
          backgroundColor: COLOURS[index % COLOURS.length],
          borderColor: COLOURS[index % COLOURS.length],
          borderWidth: kind === 'line' ? 2 : 0,
          borderDash: kind === 'line' ? DASHES[Math.floor(index / 4) % DASHES.length] : undefined,
          pointRadius: kind === 'line' ? 2 : undefined,
          spanGaps: false,
        })),
      },
      options: {
        locale: 'nl-NL',
        responsive: true,
        maintainAspectRatio: false,
        // Still charts: nothing moves for people who are bothered by motion, and a redraw is immediate.
        animation: false,
        indexAxis: horizontal ? 'y' : 'x',
        scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          // Hiding a series by clicking the legend works only with a mouse; the table shows every series anyway.
          legend: { display: series.length > 1, position: 'bottom', onClick: () => undefined },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${item.raw === null ? '–' : format(Number(item.raw))}` } },
        },
      },
    };
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [kind, labels, series, stacked, horizontal, format, max]);
  return (
    <div className="adempauze-chart">
      <canvas ref={canvas} role="img" aria-label={summary}>
        {summary}
      </canvas>
    </div>
  );
}
