import type { Echarts } from './charts.js';
import { esc } from './html.js';
import type { HtmlReportInput } from './model.js';
import { agentsSection } from './sections/agents.js';
import { findingsSection } from './sections/findings.js';
import { overviewSection } from './sections/overview.js';
import { regionsSection } from './sections/regions.js';
import { reviewSection } from './sections/review.js';
import { REPORT_CSS } from './styles.js';
import { reportView } from './view.js';

/**
 * The HTML report as one self-contained page: inline CSS, charts as inline SVG rendered by
 * ECharts on the server (no script, no external asset, prints without JavaScript). A pure
 * function of its input: the same input gives the same bytes. Every data string is masked
 * again and escaped. Sections: overview, scorecards with trends, SLA by region, findings by
 * code, conversations to review.
 */
export function buildHtmlReport(input: HtmlReportInput, echarts: Echarts): string {
  const view = reportView(input);
  const span = view.periods.length ? `${view.periods[0]} – ${view.periods.at(-1)}` : 'no data';
  const { invalid, undated } = input.groups.skipped;
  const skipped = invalid || undated ? ` Left out: ${invalid} invalid result(s), ${undated} without a start time.` : '';
  // an empty page must say it is empty (cxqa report also warns on stderr and exits 1)
  const empty = input.groups.rows.length
    ? ''
    : `\n<p class="meta" role="alert"><strong>Nothing to report:</strong> the input holds no valid result with a start time.${esc(skipped)}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(input.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${esc(input.title)}</h1>
<p class="meta">Periods: ${esc(span)} (${esc(input.groups.period)}), by ${esc(input.groups.by)}.${esc(skipped)} Formulas: docs/kpis.md.</p>${empty}
<nav><a href="#overview">Overview</a><a href="#scorecards">Scorecards</a><a href="#sla">SLA by region</a><a href="#findings">Findings</a><a href="#review">To review</a></nav>
</header>
<main>
${overviewSection(view, echarts)}
${agentsSection(view, echarts)}
${regionsSection(view, echarts)}
${findingsSection(view, echarts)}
${reviewSection(view)}
</main>
</body>
</html>
`;
}
