import type { Result } from '@cxqa/core';

/** A few readable lines per result, for terminals. */
export function formatResultPretty(r: Result): string {
  const head = `${r.conversationId ?? '(no id)'}  ${r.status.toUpperCase()}${r.score === null ? '' : `  score ${r.score}`}${r.pass === null ? '' : r.pass ? '  pass' : '  FAIL'}`;
  const lines = [head];
  for (const d of r.dimensions) if (d.score !== null || d.name === 'fail') lines.push(`  ${d.name}: ${d.explanation}`);
  if (r.review?.needed) lines.push(`  review: ${r.review.reasons.join(', ')}`);
  for (const f of r.findings) {
    const where = f.messageIndex === undefined ? '' : ` @${f.messageIndex}`;
    const shown = f.evidence && f.code.startsWith('pii.') ? ` ${f.evidence}` : '';
    lines.push(`  [${f.severity}] ${f.code}${where}${shown}: ${f.explanation}`);
  }
  for (const i of r.issues) lines.push(`  ! ${i.code}${i.path?.length ? ` at ${i.path.join('.')}` : ''}${i.line ? ` (line ${i.line})` : ''}: ${i.message}`);
  return lines.join('\n');
}
