/** `@cxqa/core/matcher`: the linear-time term matcher, phrase search, text helpers and the linear-regex check. */
export * from '../matcher/index.js';
export * from '../pipeline/normalize/text-view.js';
export * from '../text/index.js';
export { compileRuleRegex, LinearRegexSource, linearRegexProblem } from '../util/linear-regex.js';
