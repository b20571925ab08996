export { resolveEndpoint, type LlmEndpointOptions, type ResolvedEndpoint } from './client.js';
export { applies, defaultQuestionSet, DEFAULT_QUESTIONS_PATH, loadQuestionSet, parseQuestionSet, QuestionSchema, QuestionSetSchema, type Applicability, type AppliesWhen, type Question, type QuestionSet } from './questions.js';
