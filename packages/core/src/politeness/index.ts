export { politenessStrategies, type StrategyHit } from './strategies.js';
export { builtinPolitenessModel, judgePoliteness, politenessFeatures, type PolitenessJudgement } from './model.js';
