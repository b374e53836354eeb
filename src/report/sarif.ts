import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../core/finding.js';
import type { SourceRange } from '../core/source.js';
import type { Rule } from '../engine/rule.js';
import type { RuleDocs } from '../engine/rule-docs.js';
import type { SuppressedFinding } from '../engine/suppressions.js';
import { fingerprints } from './fingerprint.js';
import type { Formatter } from './types.js';

const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub's security-severity scale (0–10), only for rules tagged `security`. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

function artifactLocation(file: string): Record<string, string> {
  if (isAbsolutePath(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(range: SourceRange): Record<string, number> {
  return { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn };
}

function physicalLocation(range: SourceRange): Record<string, unknown> {
  return { artifactLocation: artifactLocation(range.file), region: region(range) };
}

function ruleDescriptor(rule: Rule<object>, docs: RuleDocs | undefined, severity: Severity): Record<string, unknown> {
  const { meta } = rule;
  const howToFix = docs?.howToFix ?? '';
  const tags = [meta.layer, ...(meta.tags ?? [])];
  const properties: Record<string, unknown> = { tags };
  if (meta.tags?.includes('security')) properties['security-severity'] = SECURITY_SEVERITY[severity];
  return {
    id: meta.id,
    shortDescription: { text: meta.summary },
    fullDescription: { text: docs?.description ?? meta.summary },
    help: { text: howToFix, markdown: `${howToFix}\n\n[Documentation](${meta.docsUrl})` },
    helpUri: meta.docsUrl,
    defaultConfiguration: { level: LEVEL[severity] },
    properties,
  };
}

function fixes(finding: Finding): Record<string, unknown>[] | undefined {
  if (!finding.fix) return undefined;
  const byFile = new Map<string, Array<Record<string, unknown>>>();
  for (const edit of finding.fix.edits) {
    const replacements = byFile.get(edit.file) ?? [];
    replacements.push({ deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start }, insertedContent: { text: edit.text } });
    byFile.set(edit.file, replacements);
  }
  return [
    {
      description: { text: `${finding.fix.title} (${finding.fix.safety} fix)` },
      artifactChanges: [...byFile].map(([file, replacements]) => ({ artifactLocation: artifactLocation(file), replacements })),
    },
  ];
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: rules with descriptions and default
 * levels, results with exact regions, related locations, fixes, stable fingerprints, and
 * suppressed findings marked as suppressed in source (so viewers show them as dismissed).
 */
export const sarif: Formatter = (result, { version }) => {
  const all: Array<Finding | SuppressedFinding> = [...result.findings, ...result.suppressed];
  // Only the rules that produced a result, like ESLint's SARIF output: the log stays small
  // and describes exactly what it reports.
  const reportedIds = new Set(all.map((finding) => finding.ruleId));
  const described = result.registry.all().filter(({ rule }) => reportedIds.has(rule.meta.id));
  const ruleIndex = new Map(described.map(({ rule }, i) => [rule.meta.id, i]));
  const textOf = new Map(result.files.map((file) => [file.path, file.text]));
  const keys = fingerprints(all, (file) => textOf.get(file));
  const results = all.map((finding, i) => {
    const entry: Record<string, unknown> = {
      ruleId: finding.ruleId,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: physicalLocation(finding) }],
      partialFingerprints: { 'hoplint/v1': keys[i] },
    };
    const index = ruleIndex.get(finding.ruleId);
    if (index !== undefined) entry.ruleIndex = index;
    if (finding.related?.length) {
      entry.relatedLocations = finding.related.map((related, id) => ({ id, physicalLocation: physicalLocation(related), message: { text: related.message } }));
    }
    const fix = fixes(finding);
    if (fix) entry.fixes = fix;
    if ('suppression' in finding) {
      entry.suppressions = [{ kind: 'inSource', ...(finding.suppression.reason ? { justification: finding.suppression.reason } : {}) }];
    }
    return entry;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hoplint',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/hoplint/hoplint',
            rules: described.map(({ rule }) => ruleDescriptor(rule, result.registry.docsOf(rule.meta.id), result.settings.get(rule.meta.id)?.severity ?? rule.meta.severity)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(result.cwd.endsWith('/') ? result.cwd : `${result.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
