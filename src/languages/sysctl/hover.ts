import { positionIn } from '../../core/source.js';
import type { HoverAnswer, HoverQuery } from '../language.js';
import { defaultFor, lookupKey, type SysctlKeySpec, type SysctlValueSpec, type VersionedRange } from './keys.js';
import { parseSysctl } from './parser.js';

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

/** A key under the cursor: what the kernel documents about it. */
export function sysctlHover(query: HoverQuery): HoverAnswer | undefined {
  const assignment = parseSysctl(query.path, query.text).assignments.find((candidate) => positionIn(candidate.keySpan, query.position));
  if (!assignment) return undefined;
  const spec = lookupKey(assignment.key);
  return spec ? { markdown: sysctlSection(assignment.key, spec), range: assignment.keySpan } : undefined;
}
