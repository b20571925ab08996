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

/** Series colours, in order (the legend of the trend cards refers to the first two). */
export const PALETTE = ['#3b6fd8', '#e07b39', '#3a9e6f', '#b0476b', '#7a5cc2', '#8c8c8c'];

/**
 * Render a chart to an SVG string with ECharts' SSR mode. Marks (bars, line points) carry
 * `ecmeta_series_index` / `ecmeta_data_index`; a null value draws no mark. zrender numbers its
 * instances per process (`zr0-`, `zr1-`…); that prefix of class and clip-path ids is replaced by
 * the chart id, so the SVG does not depend on what was rendered before and ids stay unique in a page.
 */
export function renderChart(echarts: Echarts, spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...spec.option });
    return chart.renderToSVGString().replace(/zr\d+-/g, `${spec.id}-`);
  } finally {
    chart.dispose();
  }
}
