import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import type { Locator } from './locator.js';
import type { MtuSetting, PositionedString } from './types.js';

/**
 * The text a set of YAML nodes was parsed from and where it lives: the file itself, or a
 * scalar's value (HelmChartConfig `valuesContent`) mapped back into the file.
 */
export interface YamlSource {
  text: string;
  locator: Locator;
  issues: SyntaxIssue[];
}

/** Span of a node with trailing line breaks dropped (block scalars include the newline that ends them). */
export function spanOf(source: YamlSource, node: unknown): Span | undefined {
  const range = rangeOf(node);
  if (!range) return undefined;
  let end = Math.min(range[1], source.text.length);
  while (end > range[0] && /[\s]/.test(source.text[end - 1]!)) end--;
  return source.locator.span(range[0], end);
}

export function keySpanOf(source: YamlSource, pair: Pair): Span | undefined {
  return spanOf(source, pair.key);
}

export function pairOf(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  let found: Pair | undefined;
  for (const pair of node.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) found = pair;
  }
  return found;
}

export function valueOf(node: unknown, key: string): unknown {
  return pairOf(node, key)?.value ?? undefined;
}

/** Follows map keys; undefined as soon as one is missing or not a map. */
export function mapAt(node: unknown, ...path: string[]): YAMLMap | undefined {
  let current: unknown = node;
  for (const key of path) current = valueOf(current, key);
  return isMap(current) ? current : undefined;
}

export function seqAt(node: unknown, ...path: string[]): YAMLSeq | undefined {
  let current: unknown = node;
  for (const key of path) current = valueOf(current, key);
  return isSeq(current) ? current : undefined;
}

/** A scalar's text: strings as they are, numbers and booleans as written in YAML terms. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

export function stringAt(node: unknown, key: string): string | undefined {
  return scalarText(valueOf(node, key));
}

export function positionedAt(source: YamlSource, node: unknown, key: string): PositionedString | undefined {
  const value = valueOf(node, key);
  const text = scalarText(value);
  const span = spanOf(source, value);
  return text !== undefined && span ? { value: text, span } : undefined;
}

export function asScalar(node: unknown): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

/**
 * An MTU written as a YAML number or a quoted number (`veth_mtu: "1440"`). Anything else is an
 * issue at the value; 0 means "auto-detect" for every stack that reads these settings and is
 * returned as `auto`.
 */
export function readMtuAt(source: YamlSource, node: unknown, key: string, setBy: string): MtuSetting | 'auto' | undefined {
  const value = valueOf(node, key);
  if (value === undefined || value === null) return undefined;
  const span = spanOf(source, value);
  if (!span) return undefined;
  const text = scalarText(value);
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) {
    const shown = text === undefined ? 'a non-scalar value' : JSON.stringify(text);
    source.issues.push({ ...span, message: `${setBy} must be a whole number of bytes, not ${shown}` });
    return undefined;
  }
  const mtu = Number(text);
  return mtu === 0 ? 'auto' : { value: mtu, span, setBy };
}

/** Every scalar entry of a map as a positioned string (network `options:`, ConfigMap data). */
export function scalarEntries(source: YamlSource, map: YAMLMap | undefined): Record<string, PositionedString> {
  const entries: Record<string, PositionedString> = {};
  if (!map) return entries;
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const text = scalarText(pair.value);
    const span = spanOf(source, pair.value);
    if (text !== undefined && span) entries[String(pair.key.value)] = { value: text, span };
  }
  return entries;
}

function rangeOf(node: unknown): [number, number] | undefined {
  if (!node || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as Node).range;
  return range ? [range[0], range[1]] : undefined;
}
