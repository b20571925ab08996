export { scriptAnalyzer, SCRIPT_ANALYZER_VERSION, type ScriptOptions } from './script-analyzer.js';
export { compileScriptPhrases, isComplaint, ScriptRulesSchema, type ScriptPhrases, type ScriptRules } from './script-rules.js';
