import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import type { Locator, YamlFields } from '../yaml/index.js';
import type { MtuSetting, PositionedString } from './types.js';

/**
 * One YAML document a network config is read from, through the YAML stack's field reader (so
 * aliases and `<<` merge keys count like in Kubernetes), and where value problems are reported.
 * The document may be the file itself or YAML in a scalar (RKE1 `addons`, a HelmChartConfig's
 * `valuesContent`), whose spans are positions in the file.
 */
export interface YamlSource {
  fields: YamlFields;
  issues: SyntaxIssue[];
}

/** The text the document was parsed from (a scalar's value for embedded YAML). */
export function textOf(source: YamlSource): string {
  return source.fields.source.text;
}

export function locatorOf(source: YamlSource): Locator {
  return source.fields.source.locator;
}

/** Span of a node with trailing line breaks dropped (block scalars include the newline that ends them). */
export function spanOf(source: YamlSource, node: unknown): Span | undefined {
  return isMap(node) || isSeq(node) || isScalar(node) ? source.fields.spanOf(node as Node) : undefined;
}

export function keySpanOf(source: YamlSource, pair: Pair): Span | undefined {
  return source.fields.keySpanOf(pair);
}

export function pairOf(source: YamlSource, node: unknown, key: string): Pair | undefined {
  return source.fields.pair(node, key);
}

export function valueOf(source: YamlSource, node: unknown, key: string): Node | undefined {
  return source.fields.value(node, key);
}

/** Follows map keys; undefined as soon as one is missing or not a map. */
export function mapAt(source: YamlSource, node: unknown, ...path: string[]): YAMLMap | undefined {
  let current: unknown = node;
  for (const key of path) current = valueOf(source, current, key);
  return isMap(current) ? current : undefined;
}

export function seqAt(source: YamlSource, node: unknown, ...path: string[]): YAMLSeq | undefined {
  let current: unknown = node;
  for (const key of path) current = valueOf(source, current, key);
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

export function stringAt(source: YamlSource, node: unknown, key: string): string | undefined {
  return scalarText(valueOf(source, node, key));
}

export function positionedAt(source: YamlSource, node: unknown, key: string): PositionedString | undefined {
  const value = valueOf(source, node, key);
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
  const pair = pairOf(source, node, key);
  if (pair === undefined || pair.value === null || pair.value === undefined) return undefined;
  const value = source.fields.resolve(pair.value) ?? pair.value;
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

/** Every scalar entry of a map as a positioned string (network `options:`, ConfigMap data), merged keys included. */
export function scalarEntries(source: YamlSource, map: YAMLMap | undefined): Record<string, PositionedString> {
  const entries: Record<string, PositionedString> = {};
  source.fields.eachEntry(map, (key, _pair, _keyNode, value) => {
    const text = scalarText(value);
    const span = spanOf(source, value);
    if (text !== undefined && span) entries[key] = { value: text, span };
  });
  return entries;
}
