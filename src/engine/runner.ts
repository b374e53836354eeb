import { compareFindings, SYNTAX_RULE_ID, type Finding, type Severity } from '../core/finding.js';
import type { SyntaxIssue } from '../core/syntax.js';
import { createRuleKit } from '../kit/context.js';
import type { Workspace } from '../link/workspace.js';
import type { RuleSettings } from './settings.js';
import type { RuleRegistry } from './registry.js';
import type { FindingInput } from './rule.js';

/** A rule threw: a bug in the rule, reported as such rather than as a finding. */
export class RuleCrashError extends Error {
  constructor(
    readonly ruleId: string,
    cause: unknown,
  ) {
    super(`rule "${ruleId}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export function toFinding(ruleId: string, severity: Severity, input: FindingInput): Finding {
  const finding: Finding = {
    ruleId,
    severity: input.severity ?? severity,
    message: input.message,
    file: input.file,
    line: input.line,
    column: input.column,
    endLine: input.endLine,
    endColumn: input.endColumn,
  };
  if (input.related && input.related.length > 0) {
    finding.related = input.related.map(({ file, line, column, endLine, endColumn, message }) => ({ file, line, column, endLine, endColumn, message }));
  }
  if (input.fix) finding.fix = input.fix;
  return finding;
}

function findingKey(finding: Finding): string {
  return [finding.ruleId, finding.file, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message].join('\u0000');
}

/**
 * Runs every rule that is on over the workspace. Syntax issues that a language attributes to a
 * rule of its own (nginx's unknown directives) are that rule's findings, reported only while the
 * rule is on. The same finding reached twice — a file included from two roots — is reported once.
 */
export function runRules(workspace: Workspace, registry: RuleRegistry, settings: RuleSettings): Finding[] {
  const findings = new Map<string, Finding>();
  const add = (finding: Finding): void => {
    const key = findingKey(finding);
    if (!findings.has(key)) findings.set(key, finding);
  };
  // Grouped once: a workspace may hold a hundred thousand issues, and each rule wants its own.
  const issuesByRule = new Map<string, SyntaxIssue[]>();
  for (const issue of workspace.syntaxIssues) {
    if (issue.ruleId === undefined || issue.ruleId === SYNTAX_RULE_ID) continue;
    const issues = issuesByRule.get(issue.ruleId);
    if (issues) issues.push(issue);
    else issuesByRule.set(issue.ruleId, [issue]);
  }
  const kit = createRuleKit(workspace);
  for (const { rule } of registry.all()) {
    const id = rule.meta.id;
    const setting = settings.get(id);
    if (!setting) continue;
    const report = (input: FindingInput): void => add(toFinding(id, setting.severity, input));
    for (const issue of issuesByRule.get(id) ?? []) report(issue);
    try {
      rule.check({ ...kit, options: setting.options, severity: setting.severity, report });
    } catch (error) {
      throw new RuleCrashError(id, error);
    }
  }
  return [...findings.values()].sort(compareFindings);
}
