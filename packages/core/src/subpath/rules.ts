/** `@cxqa/core/rules`: schemas and compilers of the rule files (lexicons, policy packs, courtesy, conduct, script, mood cues) and scorecard rules. */

export * from '../analyzers/courtesy/index.js';
export * from '../analyzers/script/index.js';
export { MARKETPLACES, SENSITIVE_ANALYZER_VERSION } from '../analyzers/sensitive/index.js';
export * from '../analyzers/sensitive/policy/index.js';
export { builtinMoodCues, compileMoodCues, DEFAULT_MOOD_THRESHOLDS, MoodCuesSchema } from '../analyzers/sentiment/model/index.js';
export * from '../lexicon/index.js';
export * from '../pipeline/score/code-pattern.js';
export { reviewOf } from '../pipeline/score/score.js';
