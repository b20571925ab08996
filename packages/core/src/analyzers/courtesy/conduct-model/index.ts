export {
  builtinConductModel,
  CONDUCT_MODEL_LANGUAGES,
  type ConductModel,
  createConductModel,
  POSSIBLE_MISCONDUCT_AT,
  possibleMisconductFinding,
} from './conduct-model.js';
export { conductFeatures } from './features.js';
