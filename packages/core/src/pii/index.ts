export { detectPii, type DetectPiiOptions } from './detect.js';
export { maskPii } from './mask.js';
export { RECOGNIZERS, type PiiCandidate, type PiiType, type RecognizerOptions } from './recognizers.js';
export { luhnValid, cardBrand, ibanValid, ssnValid, cnResidentIdValid, type CardBrand } from './validators.js';
