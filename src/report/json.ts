import type { Finding } from '../core/finding.js';
import { summarize } from './summary.js';
import type { Formatter } from './types.js';

/** Key order is part of the format: position first, then what and why. */
function serialize(finding: Finding): Finding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    ...(finding.related ? { related: finding.related } : {}),
    ...(finding.fix ? { fix: finding.fix } : {}),
  };
}

/** `{"version": 1, "findings": [...], "summary": {...}}`; version changes only with breaking changes. */
export const json: Formatter = (result) => `${JSON.stringify({ version: 1, findings: result.findings.map(serialize), summary: summarize(result) }, null, 2)}\n`;
