import type { MessageView } from '../../pipeline/analyze/contract.js';
import type { Finding } from '../../pipeline/validate/finding.js';
import { compilePattern, isShipped } from '../../util/pattern-engine.js';
import { PhraseFilter } from '../../util/phrase-filter.js';
import type { PhrasingRule, PhrasingRules } from './rules.js';

export interface CompiledPhrasing {
  match(m: MessageView, context: { market: string | undefined; complained: boolean }): Finding[];
}

/** Compile phrasing rules into per-message matchers (regexes built once). */
export function compilePhrasing(rules: PhrasingRules): CompiledPhrasing {
  // shipped rules run on V8 (checked linear), a brand's on RE2 (see util/pattern-engine.ts)
  const origin = isShipped(rules) ? 'shipped' : 'user';
  const compiled = rules.rules.map((rule) => ({ rule, re: compilePattern(rule.pattern, 'giu', origin, `phrasing rule ${rule.id}`) }));
  // one scan of the message's lower-cased text over the rules' literal prefixes rules out most
  // regexes before they run (shared through the message's analysis; user rules on RE2 always run)
  const filter = new PhraseFilter(compiled.map((c) => (origin === 'shipped' ? c.rule.pattern : null)));
  const always = origin !== 'shipped';
  const applies = (rule: PhrasingRule, m: MessageView, market: string | undefined, complained: boolean) =>
    (rule.languages.includes('*') || rule.languages.includes(m.language)) &&
    (!rule.markets || (market !== undefined && rule.markets.includes(market))) &&
    (!rule.afterComplaint || complained);
  return {
    match(m, { market, complained }) {
      const findings: Finding[] = [];
      const may = always ? null : filter.mayMatch(m.analysis);
      for (let i = 0; i < compiled.length; i++) {
        const { rule, re } = compiled[i]!;
        if ((may && !may[i]) || !applies(rule, m, market, complained)) continue;
        re.lastIndex = 0;
        const hit = re.exec(m.view.folded);
        if (!hit) continue;
        findings.push({
          analyzer: 'courtesy',
          code: rule.code,
          severity: rule.severity,
          messageIndex: m.index,
          span: { start: hit.index, end: hit.index + hit[0].length },
          evidence: hit[0].trim() || m.text,
          explanation: `"${hit[0].trim() || m.text}": ${rule.why}`,
          rule: { id: rule.id, kind: 'pattern', ...(market ? { detail: { market } } : {}) },
          suggestion: rule.suggestion,
        });
      }
      return findings;
    },
  };
}
