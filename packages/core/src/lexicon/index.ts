export { LexiconSchema, LexiconTermSchema, type Lexicon, type LexiconInput, type LexiconTerm } from './schema.js';
export { defineLexicon, loadLexicon, type LexiconFileDefaults } from './load.js';
export { compileLexicons, matchLexicons, type CompiledLexicons, type CompiledPhrase, type PhraseMatch } from './compile.js';
export { builtinLexicon, BUILTIN_LEXICONS, SHIPPED_LEXICONS, type BuiltinLexiconName } from './builtin.js';
