/**
 * A user's own analyzer, first-class next to the built-ins: agents must sign off with their
 * name. It adds a scorecard dimension of its own and passes the conformance suite.
 *
 *   pnpm example:custom
 */
import { type Analyzer, createInspector, DEFAULT_SCORECARD, type Finding, timingAnalyzer } from '@cxqa/core';
import { checkAnalyzerConformance } from '@cxqa/core/testing';

/** Factory: the names agents may sign with. */
export function signatureAnalyzer(options: { names: string[] }): Analyzer {
  const names = options.names.map((n) => n.toLowerCase());
  return {
    name: 'signature',
    version: '1.0.0',
    analyze(ctx) {
      const agentTurns = ctx.messages.filter((m) => m.role === 'agent');
      const last = agentTurns.at(-1);
      if (!last) return { scores: { branding: null }, findings: [], metrics: { 'signature.signed': null, 'signature.spanStart': null } };
      // Search the normalized view, report the span in the original text.
      const hit = names.map((n) => [n, last.view.normalized.lastIndexOf(n)] as const).find(([, at]) => at >= 0);
      const findings: Finding[] = hit
        ? []
        : [
            {
              analyzer: 'signature',
              code: 'signature.missing',
              severity: 'minor',
              messageIndex: last.index,
              explanation: `the last agent message is not signed with one of: ${options.names.join(', ')}`,
              suggestion: `end with "Best regards, ${options.names[0]}"`,
            },
          ];
      const evidence = hit ? [{ ...last.view.toOriginalSpan(hit[1], hit[1] + hit[0].length) }] : [];
      return { scores: { branding: 1 }, findings, metrics: { 'signature.signed': hit ? 1 : 0, 'signature.spanStart': evidence[0]?.start ?? null } };
    },
  };
}

export const brandScorecard = {
  ...DEFAULT_SCORECARD,
  name: 'acme',
  version: '1.1.0',
  dimensions: [...DEFAULT_SCORECARD.dimensions, { name: 'branding', label: 'Brand voice', weight: 10, findings: ['signature.*'] }],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const signature = signatureAnalyzer({ names: ['Anna', 'Ben'] });
  const problems = await checkAnalyzerConformance(signature);
  process.stdout.write(problems.length ? `conformance problems:\n${problems.join('\n')}\n` : 'signature analyzer passes the conformance suite\n');
  const inspector = createInspector({ analyzers: [timingAnalyzer(), signature], scorecard: brandScorecard });
  const result = await inspector.inspect({
    id: 'demo',
    customer: { country: 'GB' },
    messages: [
      { role: 'customer', text: 'Hi, is the blue kettle back in stock?', at: '2026-03-03T10:00:00Z' },
      { role: 'agent', text: 'Hello! Yes, it is back since Monday.', at: '2026-03-03T10:04:00Z' },
    ],
  });
  for (const d of result.dimensions) if (d.score !== null) process.stdout.write(`${d.name}: ${d.explanation}\n`);
  for (const f of result.findings) process.stdout.write(`[${f.severity}] ${f.code}: ${f.explanation}\n`);
  process.stdout.write(`score ${result.score}, pass ${result.pass}\n`);
}
