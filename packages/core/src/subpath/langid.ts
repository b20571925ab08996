/** `@cxqa/core/langid`: language-ID building blocks (features, the model, priors, calibration) for training and evaluation. */

export * from '../langid/calibration.js';
export * from '../langid/conversation.js';
export * from '../langid/features.js';
export { HAN_RUN_DECAY } from '../langid/han.js';
export * from '../langid/identify.js';
export * from '../langid/model.js';
export * from '../langid/prior.js';
export * from '../langid/script.js';
