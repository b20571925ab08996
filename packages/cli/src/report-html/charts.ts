/** The slice of Apache ECharts the report uses: server-side SVG rendering (no DOM, no script). */
export type Echarts = Pick<typeof import('echarts'), 'init'>;

/** Apache ECharts, loaded on first use (only `--format html` needs it). */
export async function loadEcharts(): Promise<Echarts> {
  return await import('echarts');
}

/** One chart: an id unique in the page, its size in CSS pixels and an ECharts option. */
export interface ChartSpec {
  id: string;
  width: number;
  height: number;
  /** ECharts option (https://echarts.apache.org/en/option.html); animation is turned off. */
  option: Record<string, unknown>;
}

/**
 * Horizontal bars, one row per category (top to bottom in the given order), a legend above;
 * `labelWidth` is the room for the category labels, `xAxis` the value axis (e.g. `{ min: 0, max: 100 }`).
 */
export function horizontalBars(
  id: string,
  categories: string[],
  series: { name: string; data: (number | null)[] }[],
  options: { labelWidth: number; rowHeight: number; xAxis: Record<string, unknown> },
): ChartSpec {
  return {
    id,
    width: 1100,
    height: Math.max(140, 60 + categories.length * options.rowHeight),
    option: {
      legend: { top: 0 },
      grid: { left: options.labelWidth, right: 30, top: 30, bottom: 24 },
      xAxis: { type: 'value', ...options.xAxis },
      yAxis: { type: 'category', inverse: true, data: categories },
      series: series.map((s) => ({ ...s, type: 'bar', barGap: '10%' })),
    },
  };
}

/** Series colours, in order (the legend of the trend cards refers to the first two). */
export const PALETTE = ['#3b6fd8', '#e07b39', '#3a9e6f', '#b0476b', '#7a5cc2', '#8c8c8c'];

/**
 * Render a chart to an SVG string with ECharts' SSR mode. Marks (bars, line points) carry
 * `ecmeta_series_index` / `ecmeta_data_index`; a null value draws no mark. zrender numbers its
 * instances, CSS classes and clip paths with counters that live as long as the process
 * (`zr3-cls-41`, `zr3-c2`); they are renumbered per chart under the chart id (`overview-cls-0`),
 * so the SVG does not depend on what was rendered before and ids stay unique in a page.
 */
export function renderChart(echarts: Echarts, spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...spec.option });
    return renumberIds(chart.renderToSVGString(), spec.id);
  } finally {
    chart.dispose();
  }
}

/** Replace zrender's process-wide ids (`zr<n>-<kind><n>`) by `<prefix>-<kind><k>`, k counting per kind from 0 in order of appearance. */
function renumberIds(svg: string, prefix: string): string {
  const seen = new Map<string, string>();
  const next = new Map<string, number>();
  return svg.replace(/zr\d+-([a-z]+-?)(\d+)/g, (whole, kind: string) => {
    let id = seen.get(whole);
    if (id === undefined) {
      const k = next.get(kind) ?? 0;
      next.set(kind, k + 1);
      seen.set(whole, (id = `${prefix}-${kind}${k}`));
    }
    return id;
  });
}
