export { Automaton, type AutomatonMatch } from './aho-corasick.js';
export { skeletonize, type Skeleton } from './skeleton.js';
export { createMatcher, type Matcher, type MatcherOptions, type MatchTerm, type TermMatch } from './matcher.js';
export { traditionalToSimplified } from './chinese-fold.js';
export { findPhrase, sameSentence, type PhraseHit, type PhraseSpec } from './phrases.js';
