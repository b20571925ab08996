export { Automaton, type AutomatonMatch } from './aho-corasick.js';
export { skeletonize, type Skeleton } from './skeleton.js';
export { createMatcher, type Matcher, type MatchTerm, type TermMatch } from './matcher.js';
