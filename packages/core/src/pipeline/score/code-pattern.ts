/** Does a finding code match a scorecard pattern (`timing.first_response_breach` or `timing.*`)? */
export function codeMatches(pattern: string, code: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return code.startsWith(pattern.slice(0, -1));
  return pattern === code;
}
