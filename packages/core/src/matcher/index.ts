export { Automaton, type AutomatonMatch } from './aho-corasick.js';
export { traditionalToSimplified } from './chinese-fold.js';
export { createMatcher, type Matcher, type MatcherOptions, type MatchTerm, type TermMatch } from './matcher.js';
export { findPhrase, type PhraseHit, type PhraseSpec, sameSentence } from './phrases.js';
export { type Skeleton, skeletonize } from './skeleton.js';
