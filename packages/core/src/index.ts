/**
 * The public API of @cxqa/core: what the README, docs/ and examples/ call. Building blocks live
 * behind subpaths (`@cxqa/core/langid`, `/matcher`, `/timing`, `/rules`, `/models`, `/kb`, `/pii`,
 * `/testing`); every type stays importable from here. See docs/install.md ("The public API").
 */
// the data model: conversations, findings, results, scorecards
export * from './schemas/conversation.js';
export * from './schemas/finding.js';
export * from './schemas/result.js';
export * from './schemas/scorecard.js';
export { jsonSchemas } from './schemas/json-schema.js';
export * from './errors.js';
export { ENGINE_VERSION } from './version.js';
export { setCoreDataDir, DATA_DIR_ENV } from './util/package-file.js';

// inspecting: the pipeline, the analyzers, scorecards
export * from './analyzer/contract.js';
export * from './pipeline/inspector.js';
export * from './pipeline/map-ordered.js';
export { invalidResult } from './pipeline/result.js';
export * from './analyzers/builtin.js';
export * from './scorecard/default-scorecard.js';
export { scoreConversation } from './scorecard/score.js';
export { timingAnalyzer, TimingOptionsSchema, dayStatus, holidayYear, COUNTRY_TIMEZONES } from './analyzers/timing/index.js';
export { sensitiveAnalyzer, judgePii } from './analyzers/sensitive/index.js';
export { sentimentAnalyzer } from './analyzers/sentiment/index.js';
export { courtesyAnalyzer } from './analyzers/courtesy/index.js';
export { scriptAnalyzer } from './analyzers/script/index.js';
export { kbAnalyzer } from './analyzers/kb/index.js';

// text, language and the shipped models and rule sets
export * from './normalize/text-view.js';
export * from './translate/translator.js';
export { identifyLanguage } from './langid/identify.js';
export * from './langid/conversation.js';
export { createMatcher } from './matcher/index.js';
export { linearRegexProblem } from './util/linear-regex.js';
export { parseCsv } from './util/csv.js';
export { detectPii, detectPiiInView, maskPii, maskPersonalData } from './pii/index.js';
export { defineLexicon, loadLexicon, builtinLexicon, BUILTIN_LEXICONS, compileLexicons, matchLexicons } from './lexicon/index.js';
export { definePolicyPack, builtinPolicyPacks, compilePolicy } from './policy/index.js';
export { builtinSentimentModel, builtinEmotionModel } from './sentiment/index.js';
export { judgePoliteness } from './politeness/index.js';
export { loadKnowledgeBase, parseKnowledgeBase, buildKbIndex } from './kb/index.js';

// every type of the modules above and of the subpaths, so type imports never need a subpath
export type * from './text/index.js';
export type * from './langid/features.js';
export type * from './langid/script.js';
export type * from './langid/model.js';
export type * from './langid/identify.js';
export type * from './langid/prior.js';
export type * from './langid/calibration.js';
export type * from './pipeline/run-analyzer.js';
export type * from './scorecard/score.js';
export type * from './scorecard/code-pattern.js';
export type * from './analyzers/timing/index.js';
export type * from './matcher/index.js';
export type * from './pii/index.js';
export type * from './lexicon/index.js';
export type * from './policy/index.js';
export type * from './analyzers/sensitive/index.js';
export type * from './sentiment/index.js';
export type * from './analyzers/sentiment/index.js';
export type * from './linear/index.js';
export type * from './politeness/index.js';
export type * from './analyzers/courtesy/index.js';
export type * from './analyzers/script/index.js';
export type * from './kb/index.js';
export type * from './analyzers/kb/index.js';
export type * from './util/linear-regex.js';
