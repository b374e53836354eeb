import type { Finding, Severity } from '../core/finding.js';
import { palette, type Palette } from './colors.js';
import { codeFrame } from './code-frame.js';
import { plural, summarize } from './summary.js';
import type { Formatter } from './types.js';

function severityColor(colors: Palette, severity: Severity): (text: string) => string {
  return severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.cyan;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/**
 * Findings grouped by file, each with a code frame underlining the offending token and its
 * related locations, then one summary line. Prints nothing when there is nothing to report.
 */
export const stylish: Formatter = (result, { color }) => {
  const colors = palette(color);
  const textOf = new Map(result.files.map((file) => [file.path, file.text]));
  const out: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) {
    out.push(colors.underline(file));
    for (const finding of findings) {
      const paint = severityColor(colors, finding.severity);
      out.push(`  ${finding.line}:${finding.column}  ${paint(finding.severity)}  ${finding.message}  ${colors.dim(finding.ruleId)}`);
      const text = textOf.get(file);
      const frame = text === undefined ? '' : codeFrame(text, finding, colors, paint);
      if (frame !== '') out.push(...frame.split('\n').map((line) => `    ${line}`));
      for (const related of finding.related ?? []) {
        out.push(`    ${colors.dim('↳')} ${related.file}:${related.line}:${related.column}  ${related.message}`);
      }
      out.push('');
    }
  }
  const summary = summarize(result);
  const total = summary.errors + summary.warnings + summary.infos;
  if (total > 0) {
    const mark = summary.errors > 0 ? colors.red('✖') : summary.warnings > 0 ? colors.yellow('⚠') : colors.cyan('ℹ');
    const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info`;
    out.push(colors.bold(`${mark} ${plural(total, 'problem')} (${counts}) in ${plural(new Set(result.findings.map((finding) => finding.file)).size, 'file')}`));
    if (summary.suppressed > 0) out.push(colors.dim(`  ${summary.suppressed} suppressed by hoplint-disable comments`));
    out.push('');
  }
  return out.join('\n');
};
