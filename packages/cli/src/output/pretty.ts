import type { Result } from '@cxqa/core';
import picocolors from 'picocolors';
import type { Colors } from './colors.js';

const PLAIN = picocolors.createColors(false);

/** A few readable lines per result, for terminals; `c` colours them (default: none). */
export function formatResultPretty(r: Result, c: Colors = PLAIN): string {
  const status = r.status === 'ok' ? c.green('OK') : r.status === 'partial' ? c.yellow('PARTIAL') : c.red('INVALID');
  const verdict = r.pass === null ? '' : r.pass ? `  ${c.green('pass')}` : `  ${c.red('FAIL')}`;
  const head = `${c.bold(r.conversationId ?? '(no id)')}  ${status}${r.score === null ? '' : `  score ${r.score}`}${verdict}`;
  const lines = [head];
  for (const d of r.dimensions) if (d.score !== null || d.name === 'fail') lines.push(`  ${d.name}: ${d.explanation}`);
  if (r.review?.needed) lines.push(`  ${c.yellow('review')}: ${r.review.reasons.join(', ')}`);
  const severity = { info: c.dim, minor: c.cyan, major: c.yellow, critical: c.red } as const;
  for (const f of r.findings) {
    const where = f.messageIndex === undefined ? '' : ` @${f.messageIndex}`;
    const shown = f.evidence && f.code.startsWith('pii.') ? ` ${f.evidence}` : '';
    lines.push(`  ${(severity[f.severity] ?? c.dim)(`[${f.severity}]`)} ${f.code}${where}${shown}: ${f.explanation}`);
  }
  for (const i of r.issues)
    lines.push(`  ${c.red('!')} ${i.code}${i.path?.length ? ` at ${i.path.join('.')}` : ''}${i.line ? ` (line ${i.line})` : ''}: ${i.message}`);
  return lines.join('\n');
}
