export { type CachedReply, cacheKey, diskCache, memoryCache, type ReplyCache } from './cache.js';
export {
  answersOf,
  CALIBRATION_FIXTURE,
  type CalibrationLabel,
  type CalibrationReport,
  type CalibrationRun,
  type CalibrationRunOptions,
  calibrate,
  cohensKappa,
  formatCalibration,
  parseLabels,
  type QuestionCalibration,
  runCalibration,
} from './calibration.js';
export { type LlmEndpointOptions, type ResolvedEndpoint, resolveEndpoint } from './client.js';
export { type DryRunConversation, type DryRunReport, dryRun } from './dry-run.js';
export {
  answerValue,
  FAKE_AGENT_TURN,
  formatInjectionReport,
  INJECTION_ATTEMPTS,
  type InjectionAttempt,
  type InjectionOutcome,
  type InjectionReport,
  type InjectionSuiteOptions,
  injectionCarrier,
  runInjectionSuite,
} from './injection-suite.js';
export { LLM_ANALYZER_VERSION, type LlmJudgeAnalyzer, type LlmJudgeOptions, llmJudgeAnalyzer, parseReply, resolveQuestions } from './judge.js';
export { type BudgetOptions, type PriceTable, planRequest, priceOf, type RequestPlan } from './plan.js';
export { escapeMessageText, jsonSchemaFormat, PROMPT_VERSION, type Reply, renderUserMessage, replySchema, SYSTEM_PROMPT } from './prompt.js';
export {
  type Applicability,
  type AppliesWhen,
  applies,
  DEFAULT_QUESTIONS_PATH,
  defaultQuestionSet,
  loadQuestionSet,
  parseQuestionSet,
  type Question,
  QuestionSchema,
  type QuestionSet,
  QuestionSetSchema,
} from './questions.js';
export { isRetryable, type RetryOptions, retryAfterMs, withRetries } from './request.js';
export { countChat, type Encoding, type TokenCounter, tiktokenCounter } from './tokens.js';
export { locateQuote } from './verify.js';
