export { type DetectPiiOptions, detectPii, detectPiiInView, type PiiTextView } from './detect.js';
export { maskPii } from './mask.js';
export { maskPersonalDataExcept } from './mask-except.js';
export { type MaskOptions, maskPersonalData } from './mask-text.js';
export { serviceNumber } from './phone.js';
export { type PiiCandidate, type PiiType, RECOGNIZERS, type Recognizer, type RecognizerEntry, type RecognizerOptions } from './recognizers.js';
export { type CardBrand, cardBrand, cnResidentIdValid, emailDomainPlausible, ibanValid, luhnValid, ssnValid } from './validators.js';
