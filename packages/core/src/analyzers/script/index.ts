export { SCRIPT_ANALYZER_VERSION, type ScriptOptions, scriptAnalyzer } from './script-analyzer.js';
export { compileScriptPhrases, isComplaint, type ScriptPhrases, type ScriptRules, ScriptRulesSchema } from './script-rules.js';
