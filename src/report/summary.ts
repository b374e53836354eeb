import type { Finding } from '../core/finding.js';
import type { LintResult } from '../project/lint.js';

export interface Summary {
  /** Files linted (reported ones). */
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings hidden by hoplint-disable comments. */
  suppressed: number;
  /** Findings that carry a fix. */
  fixable: number;
}

export function countFindings(findings: readonly Finding[]): Pick<Summary, 'errors' | 'warnings' | 'infos' | 'fixable'> {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    else infos++;
    if (finding.fix) fixable++;
  }
  return { errors, warnings, infos, fixable };
}

export function summarize(result: Pick<LintResult, 'files' | 'findings' | 'suppressed'>): Summary {
  return { files: result.files.length, ...countFindings(result.findings), suppressed: result.suppressed.length };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
