/**
 * hoplint's programmatic API: the same pipeline the CLI, the language server, the pre-commit
 * hook and the GitHub Action use. Rules (and plugins) import from `hoplint/kit`, which this
 * module also re-exports.
 */
export * from './kit/index.js';
export { lint, type LintOptions, type LintResult, type LintedFile } from './project/lint.js';
export { lintAndFix, type FixOptions, type FixOutcome } from './project/fix.js';
export { createRegistry } from './project/registry.js';
export { RuleRegistry, type RegisteredRule } from './engine/registry.js';
export { parsePolicyFile, type LoadedPolicy, type LoadedPolicyFile } from './policy/parse.js';
export { loadPolicyFile } from './project/policies.js';
export { runPolicyTests, formatTestReport, type PolicyTestOutcome, type PolicyTestReport } from './project/policy-tests.js';
export type { PolicyFileInput, PolicyInput, PolicyTest, PolicyTestExpectation, SelectInput } from './policy/types.js';
export { UsageError, ConfigError } from './core/errors.js';
export type { HoplintConfig, RuleSettingInput, DirectiveDeclaration, PresetName } from './project/config/types.js';
export type { RuleOverride } from './project/config/rule-settings.js';
export type { RuleSetting, RuleSettings } from './engine/settings.js';
export type { SuppressedFinding, SuppressionComment } from './engine/suppressions.js';
export { FORMATTERS, FORMAT_NAMES, summarize, type FormatName, type Formatter, type FormatContext, type Summary } from './report/index.js';
export { SYNTAX_RULE_ID, SEVERITIES, compareFindings } from './core/finding.js';
export type { SyntaxIssue } from './core/syntax.js';
export type { FileHost } from './core/host.js';
export type { LanguageId } from './languages/registry.js';
export { main } from './cli/main.js';
