import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { PolicyFigures } from './metrics.ts';

/** The six figures of the issue, as the chart labels them; `better` says which way is good. */
export const CHART_FIGURES: readonly { key: keyof PolicyFigures; label: string; better: 'higher' | 'lower' }[] = [
  { key: 'placed_in_region_pct', label: 'Placed in region (%)', better: 'higher' },
  { key: 'not_placed_pct', label: 'Not placed (%)', better: 'lower' },
  { key: 'mean_km', label: 'Mean distance (km)', better: 'lower' },
  { key: 'p90_km', label: 'P90 distance (km)', better: 'lower' },
  { key: 'mean_wait_days', label: 'Mean wait (days)', better: 'lower' },
  { key: 'occupancy_pct', label: 'Occupancy (%)', better: 'higher' },
];

/**
 * Small multiples, one panel per figure with its own scale, a bar per policy: the figures differ too much in size
 * for one axis. Rendered headless: Vega-Lite compiles to Vega, Vega draws SVG without a browser, resvg turns it into
 * a PNG with the fonts of the system.
 */
export async function chartPng(title: string, policies: Record<string, PolicyFigures>): Promise<Buffer> {
  const order = Object.keys(policies);
  const values = CHART_FIGURES.flatMap((figure) =>
    order.map((policy) => ({ figure: `${figure.label}, ${figure.better} is better`, policy, value: policies[policy]![figure.key] })),
  );
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, fontSize: 15 },
    data: { values },
    facet: {
      field: 'figure',
      type: 'nominal',
      title: null,
      sort: CHART_FIGURES.map((figure) => `${figure.label}, ${figure.better} is better`),
      header: { labelFontSize: 12 },
    },
    columns: 3,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 220,
      height: 170,
      layer: [
        {
          mark: 'bar',
          encoding: {
            x: { field: 'policy', type: 'nominal', sort: order, title: null, axis: { labelAngle: -30 } },
            y: { field: 'value', type: 'quantitative', title: null },
            color: { field: 'policy', type: 'nominal', sort: order, legend: null },
          },
        },
        {
          mark: { type: 'text', dy: -6, fontSize: 11 },
          encoding: {
            x: { field: 'policy', type: 'nominal', sort: order },
            y: { field: 'value', type: 'quantitative' },
            text: { field: 'value', type: 'quantitative', format: '.2f' },
          },
        },
      ],
    },
    config: { font: 'DejaVu Sans', background: 'white' },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG(2);
  view.finalize();
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: 'white' }).render().asPng();
}
