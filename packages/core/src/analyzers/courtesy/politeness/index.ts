export { builtinPolitenessModel, judgePoliteness, type PolitenessJudgement, politenessFeatures } from './model.js';
export { politenessStrategies, type StrategyHit } from './strategies.js';
