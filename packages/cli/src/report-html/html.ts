import { maskPersonalData } from '@cxqa/core';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and double- or single-quoted attributes. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A data string as the page may show it: personal data masked again (agent ids keep plain digit runs), then escaped. */
export const safe = (s: string, kind: 'key' | 'agent' = 'key'): string => esc(maskPersonalData(s, kind === 'agent' ? { digitRuns: 'formatted' } : {}));

/** A 0–1 rate as a percentage with one decimal, "–" for no data. */
export const pct = (v: number | null): string => (v === null ? '–' : `${(v * 100).toFixed(1)}\u00a0%`);
/** A number with `digits` decimals, "–" for no data. */
export const num = (v: number | null, digits = 1): string => (v === null ? '–' : v.toFixed(digits));
/** Seconds as "45 s", "12 min" or "3.5 h", "–" for no data. */
export const dur = (s: number | null): string =>
  s === null ? '–' : s < 90 ? `${Math.round(s)}\u00a0s` : s < 5400 ? `${Math.round(s / 60)}\u00a0min` : `${(s / 3600).toFixed(1)}\u00a0h`;

/**
 * The change from the previous period as a small signed figure with `digits` decimals, coloured
 * by whether it is better (`higherIsBetter`; null: neither, e.g. volume); empty when either side
 * has no data. `scale` turns rates into points (100).
 */
export function delta(now: number | null, before: number | null, higherIsBetter: boolean | null, scale = 1, unit = '', digits = 1): string {
  if (now === null || before === null) return '';
  const d = (now - before) * scale;
  if (Math.abs(d) < 0.5 * 10 ** -digits) return '<span class="delta">±0</span>';
  const tone = higherIsBetter === null ? '' : d > 0 === higherIsBetter ? ' up' : ' down';
  return `<span class="delta${tone}" title="change from the previous period">${d > 0 ? '▲ +' : '▼ '}${d.toFixed(digits)}${unit}</span>`;
}

/**
 * A table: header cells and rows of already-escaped HTML cells. Columns listed in `text` are
 * left-aligned and may wrap (default: the first); the others are right-aligned figures that do not wrap.
 */
export function table(headers: string[], rows: string[][], options: { caption?: string | undefined; text?: number[] } = {}): string {
  const text = new Set(options.text ?? [0]);
  const cls = (i: number) => (text.has(i) ? ' class="text"' : '');
  const head = `<thead><tr>${headers.map((h, i) => `<th${cls(i)} scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((cells) => `<tr>${cells.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`).join('\n')}</tbody>`;
  return `<div class="table-wrap"><table>${options.caption ? `<caption class="muted">${esc(options.caption)}</caption>` : ''}${head}\n${body}</table></div>`;
}

/** A chart figure: the inline SVG with a caption (`visible: false` keeps it for screen readers only); `data-chart` names it. */
export const figure = (id: string, svg: string, caption: string, visible = true): string =>
  `<figure class="chart" id="chart-${esc(id)}" data-chart="${esc(id)}" role="img" aria-label="${esc(caption)}">${svg}${visible ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;
