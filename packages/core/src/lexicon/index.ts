export { BUILTIN_LEXICONS, type BuiltinLexiconName, builtinLexicon, SHIPPED_LEXICONS } from './builtin.js';
export { type CompiledLexicons, type CompiledPhrase, compileLexicons, matchLexicons, type PhraseMatch } from './compile.js';
export { defineLexicon, type LexiconFileDefaults, loadLexicon } from './load.js';
export { type Lexicon, type LexiconInput, LexiconSchema, type LexiconTerm, LexiconTermSchema } from './schema.js';
