import type { Finding } from '../core/finding.js';
import { countFindings, plural } from './summary.js';
import type { Formatter } from './types.js';

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function failure(findings: readonly Finding[]): string {
  const counts = countFindings(findings);
  const type = counts.errors > 0 ? 'error' : counts.warnings > 0 ? 'warning' : 'info';
  const summary = `${plural(findings.length, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info)`;
  const body = findings.map((finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.message} (${finding.ruleId})`).join('\n');
  return `      <failure message="${escapeXml(summary)}" type="${type}">${escapeXml(body)}</failure>\n`;
}

/** JUnit XML for CI test reports: one testcase per linted file, failing when it has findings. */
export const junit: Formatter = (result) => {
  const byFile = new Map<string, Finding[]>(result.files.map((file) => [file.path, []]));
  for (const finding of result.findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const paths = [...byFile.keys()].sort();
  const failures = paths.filter((path) => byFile.get(path)!.length > 0).length;
  const cases = paths
    .map((path) => {
      const findings = byFile.get(path)!;
      const open = `    <testcase name="${escapeXml(path)}" classname="hoplint" file="${escapeXml(path)}"`;
      return findings.length === 0 ? `${open}/>\n` : `${open}>\n${failure(findings)}    </testcase>\n`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="hoplint" tests="${paths.length}" failures="${failures}" errors="0">\n` +
    `  <testsuite name="hoplint" tests="${paths.length}" failures="${failures}" errors="0" skipped="0">\n` +
    cases +
    '  </testsuite>\n' +
    '</testsuites>\n'
  );
};
