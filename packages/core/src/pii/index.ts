export { detectPii, detectPiiInView, type DetectPiiOptions, type PiiTextView } from './detect.js';
export { maskPii } from './mask.js';
export { maskPersonalData, type MaskOptions } from './mask-text.js';
export { RECOGNIZERS, type PiiCandidate, type PiiType, type Recognizer, type RecognizerEntry, type RecognizerOptions } from './recognizers.js';
export { serviceNumber } from './phone.js';
export { luhnValid, cardBrand, ibanValid, ssnValid, cnResidentIdValid, emailDomainPlausible, type CardBrand } from './validators.js';
