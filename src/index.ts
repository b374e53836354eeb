/**
 * hoplint's programmatic API: the same engine the CLI, the language server, the pre-commit
 * hook and the GitHub Action use.
 */
export { lint, type LintOptions, type LintResult, type LintedFile } from './engine/lint.js';
export { defineRule, at, type Rule, type RuleMeta, type RuleContext, type RuleExample, type RuleLayer, type FindingInput } from './engine/rule.js';
export { createRegistry, RuleRegistry, type RegisteredRule } from './engine/registry.js';
export { loadPolicyFile, parsePolicyFile, type LoadedPolicy, type LoadedPolicyFile } from './policy/load.js';
export { runPolicyTests, formatTestReport, type PolicyTestOutcome, type PolicyTestReport } from './policy/test-runner.js';
export type { PolicyFileInput, PolicyInput, PolicyTest, PolicyTestExpectation, SelectInput } from './policy/types.js';
export { UsageError, ConfigError } from './core/errors.js';
export type { HoplintConfig, RuleSettingInput, DirectiveDeclaration, PresetName } from './engine/config/types.js';
export type { RuleOverride, RuleSetting, RuleSettings } from './engine/config/rule-settings.js';
export type { SuppressedFinding, SuppressionComment } from './engine/suppressions.js';
export { FORMATTERS, FORMAT_NAMES, summarize, type FormatName, type Formatter, type FormatContext, type Summary } from './report/index.js';
export { SYNTAX_RULE_ID, SEVERITIES, compareFindings, type Finding, type Severity, type Fix, type TextEdit, type FixSafety, type RelatedLocation } from './core/finding.js';
export type { SourceRange, Span, Position } from './core/source.js';
export type { SyntaxIssue } from './core/syntax.js';
export type { FileHost } from './core/host.js';
export type { Workspace, WorkspaceFile, Environment } from './link/workspace.js';
export type { LanguageId } from './languages/registry.js';
export { main } from './cli/main.js';
