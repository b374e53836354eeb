import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/finding.js';
import { UNUSED_DISABLE_RULE_ID } from '../engine/builtin-rules.js';
import type { RuleRegistry } from '../engine/registry.js';
import { toLspRange } from './positions.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * A finding as an LSP diagnostic: the rule id as `code`, its docs as `codeDescription`, and the
 * other files and lines that make the case (a `hop/` rule's sysctl line) as related information.
 */
export function toDiagnostic(finding: Finding, registry: RuleRegistry, uriOf: (file: string) => string): Diagnostic {
  const meta = registry.get(finding.ruleId)?.rule.meta;
  const diagnostic: Diagnostic = {
    range: toLspRange(finding),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: 'hoplint',
    message: finding.message,
  };
  if (meta?.docsUrl) diagnostic.codeDescription = { href: meta.docsUrl };
  if (finding.ruleId === UNUSED_DISABLE_RULE_ID) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: uriOf(related.file), range: toLspRange(related) },
      message: related.message,
    }));
  }
  return diagnostic;
}
