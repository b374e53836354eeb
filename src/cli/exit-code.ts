import { SEVERITY_RANK, type Finding, type Severity } from '../core/finding.js';

export type FailOn = Severity | 'never';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

export interface ExitDecision {
  code: 0 | 1;
  /** Why the run failed because of --max-warnings, for stderr. */
  reason?: string;
}

/**
 * 1 when a finding is at or above `failOn`, or when warnings exceed `maxWarnings`; else 0.
 */
export function exitCodeFor(findings: readonly Finding[], failOn: FailOn, maxWarnings: number | undefined): ExitDecision {
  if (failOn !== 'never' && findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn])) return { code: 1 };
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    return { code: 1, reason: `${warnings} warning${warnings === 1 ? '' : 's'} found; --max-warnings allows ${maxWarnings}` };
  }
  return { code: 0 };
}
