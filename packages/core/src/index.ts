/**
 * The public API of @cxqa/core: what the README, docs/ and examples/ call. Building blocks live
 * behind subpaths (`@cxqa/core/langid`, `/matcher`, `/timing`, `/rules`, `/models`, `/kb`, `/pii`,
 * `/testing`); every type stays importable from here. See docs/install.md ("The public API").
 */
// the data model: conversations, findings, results, scorecards

export * from './analyzers/builtin.js';
export type * from './analyzers/courtesy/index.js';
export { courtesyAnalyzer } from './analyzers/courtesy/index.js';
export type * from './analyzers/courtesy/politeness/index.js';
export { judgePoliteness } from './analyzers/courtesy/politeness/index.js';
export type * from './analyzers/kb/index.js';
export { kbAnalyzer } from './analyzers/kb/index.js';
export type * from './analyzers/kb/knowledge/index.js';
export { buildKbIndex, loadKnowledgeBase, parseKnowledgeBase } from './analyzers/kb/knowledge/index.js';
export type * from './analyzers/script/index.js';
export { scriptAnalyzer } from './analyzers/script/index.js';
export type * from './analyzers/sensitive/index.js';
export { judgePii, sensitiveAnalyzer } from './analyzers/sensitive/index.js';
export type * from './analyzers/sensitive/pii/index.js';
export { detectPii, detectPiiInView, maskPersonalData, maskPersonalDataExcept, maskPii } from './analyzers/sensitive/pii/index.js';
export type * from './analyzers/sensitive/policy/index.js';
export { builtinPolicyPacks, compilePolicy, definePolicyPack } from './analyzers/sensitive/policy/index.js';
export type * from './analyzers/sentiment/index.js';
export { sentimentAnalyzer } from './analyzers/sentiment/index.js';
export type * from './analyzers/sentiment/model/index.js';
export { builtinEmotionModel, builtinSentimentModel } from './analyzers/sentiment/model/index.js';
export type * from './analyzers/timing/index.js';
export { COUNTRY_TIMEZONES, dayStatus, holidayYear, TimingOptionsSchema, timingAnalyzer } from './analyzers/timing/index.js';
export type * from './appeals/index.js';
export * from './errors.js';
export type * from './langid/calibration.js';
export type { ConversationLanguageOptions, ConversationLanguages, MessageEvidence } from './langid/conversation.js';
export { identifyConversationLanguages, MESSAGE_PREFIX } from './langid/conversation.js';
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
// inspecting: the pipeline, the analyzers, scorecards
export * from './pipeline/analyze/contract.js';
export { MessageAnalysis } from './pipeline/analyze/message-analysis.js';
export type * from './pipeline/analyze/run-analyzer.js';
export * from './pipeline/inspector.js';
export { LIVE_EVENT_CODES, type LiveEvent, type LiveFindingKind, type LiveSession, type LiveSessionOptions } from './pipeline/live-session.js';
export * from './pipeline/map-ordered.js';
// text, language and the shipped models and rule sets
export * from './pipeline/normalize/text-view.js';
export * from './pipeline/normalize/translator.js';
export type * from './pipeline/score/code-pattern.js';
export * from './pipeline/score/default-scorecard.js';
export { maskConversationId } from './pipeline/score/mask-result.js';
export { invalidResult } from './pipeline/score/result.js';
export type * from './pipeline/score/score.js';
export { scoreConversation } from './pipeline/score/score.js';
export * from './pipeline/validate/conversation.js';
export * from './pipeline/validate/finding.js';
export { jsonSchemas } from './pipeline/validate/json-schema.js';
export * from './pipeline/validate/result.js';
export * from './pipeline/validate/scorecard.js';
export * from './pipeline/workers/heap-sample.js';
export * from './pipeline/workers/result-json.js';
// every type of the modules above and of the subpaths, so type imports never need a subpath
export type * from './text/index.js';
export { parseCsv } from './util/csv.js';
export type * from './util/linear-regex.js';
export { linearRegexProblem } from './util/linear-regex.js';
export { DATA_DIR_ENV, setCoreDataDir } from './util/package-file.js';
export { ENGINE_VERSION, RESULT_SCHEMA_VERSION } from './version.js';
