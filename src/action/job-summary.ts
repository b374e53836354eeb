import { isAbsolute } from 'node:path';
import type { Finding, Severity } from '../core/finding.js';
import type { LintResult } from '../project/lint.js';
import { plural, summarize } from '../report/summary.js';

/** GitHub caps a step summary at 1 MiB; a table this long is already past reading. */
export const MAX_SUMMARY_ROWS = 200;

const SEVERITY_LABEL: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

export interface JobSummaryContext {
  /** `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY`, to link each finding to its line. */
  repositoryUrl?: string;
  /** `$GITHUB_SHA`, the commit the links point at. */
  sha?: string;
  /** `--changed-since` ref, when only changed files were reported. */
  changedSince?: string;
  /** Whether the findings fail the step, and the fail-on level that decided it. */
  failed: boolean;
  failOn: string;
}

/** Text for a Markdown table cell: no pipes, newlines or HTML that would break the row. */
export function tableCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function location(finding: Finding, context: JobSummaryContext): string {
  const text = tableCell(`${finding.file}:${finding.line}:${finding.column}`);
  const inRepository = !isAbsolute(finding.file) && !finding.file.startsWith('../');
  if (!context.repositoryUrl || !context.sha || !inRepository) return text;
  const path = finding.file.split('/').map(encodeURIComponent).join('/');
  const lines = finding.endLine > finding.line ? `#L${finding.line}-L${finding.endLine}` : `#L${finding.line}`;
  return `[${text}](${context.repositoryUrl}/blob/${context.sha}/${path}${lines})`;
}

function ruleCell(finding: Finding, result: LintResult): string {
  const docsUrl = result.registry.get(finding.ruleId)?.rule.meta.docsUrl;
  const id = `\`${finding.ruleId}\``;
  return docsUrl ? `[${id}](${docsUrl})` : id;
}

/**
 * The job summary: a headline with the counts and the verdict, then one table row per finding
 * (severity, rule, linked location, message), cut at MAX_SUMMARY_ROWS.
 */
export function jobSummary(result: LintResult, context: JobSummaryContext): string {
  const counts = summarize(result);
  const checked = `${plural(counts.files, 'file')} checked${context.changedSince ? ` (changed since \`${tableCell(context.changedSince)}\`)` : ''}`;
  const lines = [`## hoplint`, ''];
  if (result.findings.length === 0) {
    lines.push(`✅ No problems; ${checked}.`);
  } else {
    const tally = `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info`;
    const verdict = context.failed ? `fails the check (fail-on: ${context.failOn})` : `within fail-on: ${context.failOn}`;
    lines.push(`**${plural(result.findings.length, 'problem')}** (${tally}) in ${checked}; ${verdict}.`, '');
    lines.push('| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
    for (const finding of result.findings.slice(0, MAX_SUMMARY_ROWS)) {
      lines.push(`| ${SEVERITY_LABEL[finding.severity]} | ${ruleCell(finding, result)} | ${location(finding, context)} | ${tableCell(finding.message)} |`);
    }
    const rest = result.findings.length - MAX_SUMMARY_ROWS;
    if (rest > 0) lines.push('', `…and ${plural(rest, 'more problem')}: see the annotations, the log or the uploaded SARIF.`);
  }
  if (counts.suppressed > 0) lines.push('', `${plural(counts.suppressed, 'finding')} suppressed by hoplint-disable comments.`);
  return `${lines.join('\n')}\n`;
}
