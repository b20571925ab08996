/** The report's only stylesheet: readable tables on screen, and pages that print (A4, no cut charts or rows). */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --band: #f4f6f9; --good: #2f8a5b; --bad: #c0392b; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 24px 28px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 0 0 6px; }
p.meta, .muted { color: var(--muted); }
nav { margin: 12px 0 0; display: flex; gap: 14px; flex-wrap: wrap; }
nav a { color: #2b57b5; text-decoration: none; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 10px; margin: 12px 0 16px; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: var(--band); }
.tile .label { color: var(--muted); font-size: 12px; }
.tile .value { font-size: 22px; font-weight: 600; white-space: nowrap; }\n.tile .delta { display: block; margin: 0; }\n.legend { font-size: 12px; color: var(--muted); margin: 4px 0 8px; }\n.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: -1px; }
.delta { font-size: 12px; margin-left: 4px; white-space: nowrap; }
td .delta { display: block; margin: 0; font-size: 11px; }
.table-wrap { overflow-x: auto; }
.delta.up { color: var(--good); }
.delta.down { color: var(--bad); }
figure.chart { margin: 8px 0 16px; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 12px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: right; vertical-align: top; white-space: nowrap; }\nth.text, td.text { text-align: left; white-space: normal; }
th { background: var(--band); font-weight: 600; position: sticky; top: 0; }
tbody tr:nth-child(even) { background: #fafbfc; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(270px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card dl { display: grid; grid-template-columns: auto auto; gap: 2px 10px; margin: 6px 0 0; font-size: 12px; }
.card dt { color: var(--muted); }
.card dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.sev { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 11px; color: #fff; background: #8c8c8c; }
.sev.critical { background: #8e1b1b; } .sev.major { background: #c0392b; } .sev.minor { background: #d68910; }
ul.evidence { margin: 0; padding-left: 16px; text-align: left; }
q { font-style: italic; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 11px; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure.chart, .card, .tile, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th { position: static; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  section { break-before: auto; }
}
`;
