/**
 * `@cxqa/core/appeals`: appeals on findings, decided by reviewers, kept in an append-only,
 * hash-chained JSONL audit log (`fileAppeal`, `decideAppeal`, `readAppeals`, `readJournal`,
 * `appendJournal`); results re-scored with the decisions (`applyAppeals`); overturn rates per
 * code (`overturnReport`); accepted appeals exported as allow-list entries and regression
 * fixtures (`exportAppeals`) that the inspector applies (`allowInLexicons`, `allowInPolicyPacks`,
 * `suppressFindings`). See docs/appeals.md.
 */
export * from '../appeals/index.js';
