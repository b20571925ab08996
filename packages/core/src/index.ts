/**
 * The public API of @cxqa/core: what the README, docs/ and examples/ call. Building blocks live
 * behind subpaths (`@cxqa/core/langid`, `/matcher`, `/timing`, `/rules`, `/models`, `/kb`, `/pii`,
 * `/testing`); every type stays importable from here. See docs/install.md ("The public API").
 */
// the data model: conversations, findings, results, scorecards

// inspecting: the pipeline, the analyzers, scorecards
export * from './analyzer/contract.js';
export { MessageAnalysis } from './analyzer/message-analysis.js';
export * from './analyzers/builtin.js';
export type * from './analyzers/courtesy/index.js';
export { courtesyAnalyzer } from './analyzers/courtesy/index.js';
export type * from './analyzers/kb/index.js';
export { kbAnalyzer } from './analyzers/kb/index.js';
export type * from './analyzers/script/index.js';
export { scriptAnalyzer } from './analyzers/script/index.js';
export type * from './analyzers/sensitive/index.js';
export { judgePii, sensitiveAnalyzer } from './analyzers/sensitive/index.js';
export type * from './analyzers/sentiment/index.js';
export { sentimentAnalyzer } from './analyzers/sentiment/index.js';
export type * from './analyzers/timing/index.js';
export { COUNTRY_TIMEZONES, dayStatus, holidayYear, TimingOptionsSchema, timingAnalyzer } from './analyzers/timing/index.js';
export * from './errors.js';
export type * from './kb/index.js';
export { buildKbIndex, loadKnowledgeBase, parseKnowledgeBase } from './kb/index.js';
export type * from './langid/calibration.js';
export * from './langid/conversation.js';
export type * from './langid/features.js';
export type * from './langid/identify.js';
export { identifyLanguage } from './langid/identify.js';
export type * from './langid/model.js';
export type * from './langid/prior.js';
export type * from './langid/script.js';
export type * from './lexicon/index.js';
export { BUILTIN_LEXICONS, builtinLexicon, compileLexicons, defineLexicon, loadLexicon, matchLexicons } from './lexicon/index.js';
export type * from './linear/index.js';
export type * from './matcher/index.js';
export { createMatcher } from './matcher/index.js';
// text, language and the shipped models and rule sets
export * from './normalize/text-view.js';
export type * from './pii/index.js';
export { detectPii, detectPiiInView, maskPersonalData, maskPii } from './pii/index.js';
export * from './pipeline/inspector.js';
export { LIVE_EVENT_CODES, type LiveEvent, type LiveFindingKind, type LiveSession, type LiveSessionOptions } from './pipeline/live-session.js';
export * from './pipeline/map-ordered.js';
export { invalidResult } from './pipeline/result.js';
export type * from './pipeline/run-analyzer.js';
export type * from './policy/index.js';
export { builtinPolicyPacks, compilePolicy, definePolicyPack } from './policy/index.js';
export type * from './politeness/index.js';
export { judgePoliteness } from './politeness/index.js';
export * from './schemas/conversation.js';
export * from './schemas/finding.js';
export { jsonSchemas } from './schemas/json-schema.js';
export * from './schemas/result.js';
export * from './schemas/scorecard.js';
export type * from './scorecard/code-pattern.js';
export * from './scorecard/default-scorecard.js';
export type * from './scorecard/score.js';
export { scoreConversation } from './scorecard/score.js';
export type * from './sentiment/index.js';
export { builtinEmotionModel, builtinSentimentModel } from './sentiment/index.js';
// every type of the modules above and of the subpaths, so type imports never need a subpath
export type * from './text/index.js';
export * from './translate/translator.js';
export { parseCsv } from './util/csv.js';
export type * from './util/linear-regex.js';
export { linearRegexProblem } from './util/linear-regex.js';
export { DATA_DIR_ENV, setCoreDataDir } from './util/package-file.js';
export { ENGINE_VERSION, RESULT_SCHEMA_VERSION } from './version.js';
