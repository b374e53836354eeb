import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Finding } from '../core/finding.js';
import type { Span } from '../core/source.js';
import type { RuleRegistry } from '../engine/registry.js';
import type { NginxDirective, NginxStatement } from '../languages/nginx/ast.js';
import { DirectiveTable, type DirectiveSpec } from '../languages/nginx/directives/index.js';
import { parseNginxText } from '../languages/nginx/parser.js';
import { defaultFor, lookupKey, parseSysctl, type SysctlKeySpec, type SysctlValueSpec, type VersionedRange } from '../languages/sysctl/index.js';
import type { LanguageId } from '../model/workspace.js';
import { rangeContains, toLspRange } from './positions.js';

export interface HoverInput {
  path: string;
  text: string;
  language: LanguageId | undefined;
  position: Position;
  /** The findings of this file from the last lint of this text. */
  findings: readonly Finding[];
  registry: RuleRegistry | undefined;
  /** The directive table of the file's unit, as its last lint read it. */
  nginxDirectives?: DirectiveTable;
}

function findingSection(finding: Finding, registry: RuleRegistry | undefined): string {
  const meta = registry?.get(finding.ruleId)?.rule.meta;
  const lines = [`**${finding.ruleId}** (${finding.severity}): ${finding.message}`];
  if (meta) {
    lines.push('', meta.summary, '', `**Why.** ${meta.rationale}`, '', `**Fix.** ${meta.howToFix}`);
    if (finding.fix) lines.push('', `Quick fix available: ${finding.fix.title}${finding.fix.safety === 'unsafe' ? ' (unsafe: review the change)' : ''}.`);
    if (meta.docsUrl) lines.push('', `[Documentation](${meta.docsUrl})`);
  }
  return lines.join('\n');
}

/** nginx.org documents the modules of its source tree at a predictable address. */
function nginxDocsUrl(spec: DirectiveSpec): string | undefined {
  if (spec.vendor !== 'nginx') return undefined;
  const area = /^ngx_(http|stream|mail)_/.exec(spec.module)?.[1];
  if (area) return `https://nginx.org/en/docs/${area}/${spec.module}.html#${spec.name}`;
  if (spec.module === 'ngx_core_module') return `https://nginx.org/en/docs/ngx_core_module.html#${spec.name}`;
  return undefined;
}

function directiveSection(name: string, specs: readonly DirectiveSpec[]): string {
  const parts = [`**nginx directive \`${name}\`**`];
  for (const spec of specs) {
    const lines = [''];
    lines.push(`Syntax: \`${spec.syntax ?? `${spec.name} …;`}\``);
    lines.push(`Default: ${spec.default === undefined ? '—' : `\`${spec.default}\``}`);
    lines.push(`Context: ${spec.contexts.map((context) => `\`${context}\``).join(', ')}`);
    const vendor = spec.vendor && spec.vendor !== 'nginx' ? ` (${spec.vendor === 'tengine' ? 'Tengine' : 'OpenResty'} only)` : '';
    const docs = nginxDocsUrl(spec);
    lines.push(`Module: ${docs ? `[${spec.module}](${docs})` : spec.module}${vendor}`);
    parts.push(lines.join('  \n'));
  }
  return parts.join('\n');
}

function findDirectiveName(statements: readonly NginxStatement[], position: Position): NginxDirective | undefined {
  const stack: NginxStatement[] = [...statements];
  while (stack.length > 0) {
    const statement = stack.pop()!;
    if (statement.type !== 'directive') continue;
    if (rangeContains(toLspRange(statement.nameToken), position)) return statement;
    if (statement.block && rangeContains(toLspRange(statement.span), position)) stack.push(...statement.block);
  }
  return undefined;
}

function rangeText(range: VersionedRange): string {
  const window = [range.since ? `since Linux ${range.since}` : '', range.before ? `before Linux ${range.before}` : ''].filter(Boolean).join(', ');
  return `${range.min}–${range.max}${window ? ` (${window})` : ''}${range.note ? `: ${range.note}` : ''}`;
}

function valueText(value: SysctlValueSpec): string {
  switch (value.kind) {
    case 'bool':
      return '`0` or `1`';
    case 'int':
      return `integer ${value.ranges.map(rangeText).join('; ')}`;
    case 'enum':
      return value.values.map((entry) => `\`${entry.value}\` ${entry.meaning}${entry.since ? ` (since Linux ${entry.since})` : ''}`).join('; ');
    case 'ints':
      return `${value.count} integers, each ${value.ranges.map(rangeText).join('; ')}${value.ascending ? ', the second not below the first' : ''}`;
    case 'string':
      return [value.choices ? `one of ${value.choices.map((choice) => `\`${choice}\``).join(', ')}` : 'text', value.maxLength ? `at most ${value.maxLength} characters` : ''].filter(Boolean).join(', ');
  }
}

function sysctlSection(key: string, spec: SysctlKeySpec): string {
  const lines = [`**sysctl \`${key}\`**`, '', spec.description, ''];
  const facts = [`Values: ${valueText(spec.value)}`, `Default: ${defaultFor(spec) === undefined ? 'computed by the kernel at boot' : `\`${defaultFor(spec)}\``}`];
  if (spec.since) facts.push(`Since Linux ${spec.since}`);
  if (spec.removedIn) facts.push(`Removed in Linux ${spec.removedIn}`);
  if (spec.readOnly) facts.push('Read-only');
  facts.push(spec.netns ? 'Per network namespace: a host setting does not reach a Pod with its own network namespace' : `Namespace: ${spec.namespace}`);
  facts.push(`Source: ${spec.source}`);
  lines.push(facts.join('  \n'));
  return lines.join('\n');
}

function languageSection(input: HoverInput): { section: string; span: Span } | undefined {
  if (input.language === 'nginx') {
    const parsed = parseNginxText(input.path, input.text);
    const directive = findDirectiveName(parsed.statements, input.position);
    if (!directive) return undefined;
    const specs = (input.nginxDirectives ?? DirectiveTable.builtin).lookup(directive.name);
    return specs.length > 0 ? { section: directiveSection(directive.name, specs), span: directive.nameToken } : undefined;
  }
  if (input.language === 'sysctl') {
    const assignment = parseSysctl(input.path, input.text).assignments.find((candidate) => rangeContains(toLspRange(candidate.keySpan), input.position));
    if (!assignment) return undefined;
    const spec = lookupKey(assignment.key);
    return spec ? { section: sysctlSection(assignment.key, spec), span: assignment.keySpan } : undefined;
  }
  return undefined;
}

/**
 * What the cursor is on: the findings there (message, why, how to fix), and for an nginx
 * directive name its table entry, for a sysctl key what the kernel documents about it.
 */
export function hoverAt(input: HoverInput): Hover | null {
  const sections: string[] = [];
  let range;
  for (const finding of input.findings) {
    const findingRange = toLspRange(finding);
    if (!rangeContains(findingRange, input.position)) continue;
    sections.push(findingSection(finding, input.registry));
    range ??= findingRange;
  }
  const language = languageSection(input);
  if (language) {
    sections.push(language.section);
    range = toLspRange(language.span);
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, ...(range ? { range } : {}) };
}
