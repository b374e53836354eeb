import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Span } from '../../core/source.js';
import type { SyntaxIssue } from '../../core/syntax.js';
import { YamlFields, type YamlLoadResult } from '../yaml/index.js';
import type { Located, LocatedEntry, LocatedStringMap } from './types.js';

/**
 * Reads typed Kubernetes fields out of one YAML document with their spans, through the YAML
 * stack's field reader (aliases followed, `<<` merge keys honoured); a field of the wrong shape
 * becomes a positioned issue instead of a crash.
 */
export class FieldReader extends YamlFields {
  constructor(
    source: YamlLoadResult,
    doc: Document.Parsed,
    private readonly issues: SyntaxIssue[],
  ) {
    super(source, doc);
  }

  span(node: Node | Pair | null | undefined): Span {
    return this.spanOf(node) ?? this.source.locator.span(0, 0);
  }

  /** `map[key]` as a mapping; an issue when it is present but something else. */
  map(map: YAMLMap | undefined, key: string, path: string): YAMLMap | undefined {
    const node = this.value(map, key);
    if (node === undefined || isNull(node)) return undefined;
    if (isMap(node)) return node;
    this.report(node, `${path} should be a mapping, not ${describe(node)}`);
    return undefined;
  }

  seq(map: YAMLMap | undefined, key: string, path: string): YAMLSeq | undefined {
    const node = this.value(map, key);
    if (node === undefined || isNull(node)) return undefined;
    if (isSeq(node)) return node;
    this.report(node, `${path} should be a list, not ${describe(node)}`);
    return undefined;
  }

  /** Items of a list as mappings; other items are reported. */
  mapItems(seq: YAMLSeq | undefined, path: string): YAMLMap[] {
    if (!seq) return [];
    const maps: YAMLMap[] = [];
    seq.items.forEach((item, index) => {
      const node = this.resolve(item);
      if (isMap(node)) maps.push(node);
      else if (node && !isNull(node)) this.report(node, `${path}[${index}] should be a mapping, not ${describe(node)}`);
    });
    return maps;
  }

  /** The scalar items of a list as text; other items are reported. */
  strings(seq: YAMLSeq | undefined, path: string): Located<string>[] {
    const strings: Located<string>[] = [];
    (seq?.items ?? []).forEach((item, index) => {
      const node = this.resolve(item);
      if (isScalar(node) && !isNull(node)) strings.push({ value: scalarText(node), span: this.span(node) });
      else if (node) this.report(node, `${path}[${index}] should be a string, not ${describe(node)}`);
    });
    return strings;
  }

  /** A scalar as text; numbers and booleans are given as written, since YAML typed them. */
  string(map: YAMLMap | undefined, key: string, path: string): Located<string> | undefined {
    const node = this.value(map, key);
    if (node === undefined || isNull(node)) return undefined;
    if (isScalar(node)) return { value: scalarText(node), span: this.span(node) };
    this.report(node, `${path} should be a string, not ${describe(node)}`);
    return undefined;
  }

  integer(map: YAMLMap | undefined, key: string, path: string): Located<number> | undefined {
    const node = this.value(map, key);
    if (node === undefined || isNull(node)) return undefined;
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) {
      return { value: node.value, span: this.span(node) };
    }
    this.report(node, `${path} should be an integer, not ${describe(node)}`);
    return undefined;
  }

  /** Kubernetes' IntOrString: a YAML integer is a number, anything quoted is a string. */
  intOrString(map: YAMLMap | undefined, key: string, path: string): Located<number | string> | undefined {
    const node = this.value(map, key);
    if (node === undefined || isNull(node)) return undefined;
    if (isScalar(node)) {
      if (typeof node.value === 'number' && Number.isInteger(node.value)) return { value: node.value, span: this.span(node) };
      if (typeof node.value === 'string') return { value: node.value, span: this.span(node) };
    }
    this.report(node, `${path} should be a port number or name, not ${describe(node)}`);
    return undefined;
  }

  boolean(map: YAMLMap | undefined, key: string, path: string): Located<boolean> | undefined {
    const node = this.value(map, key);
    if (node === undefined || isNull(node)) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return { value: node.value, span: this.span(node) };
    this.report(node, `${path} should be true or false, not ${describe(node)}`);
    return undefined;
  }

  /** A string-to-string map (labels, selector); non-scalar values are reported and skipped. */
  stringMap(map: YAMLMap | undefined, key: string, path: string): LocatedStringMap | undefined {
    const node = this.map(map, key, path);
    if (!node) return undefined;
    return { entries: this.entries(node, path), span: this.span(node) };
  }

  /** `stringMap` as a plain record, for maps whose positions no one reports (metadata labels, annotations). */
  stringRecord(map: YAMLMap | undefined, key: string, path: string): Record<string, string> {
    const record: Record<string, string> = {};
    const node = this.map(map, key, path);
    if (node) {
      this.eachStringEntry(node, path, (entryKey, _pair, _keyNode, valueNode) => {
        record[entryKey] = valueNode && !isNull(valueNode) ? scalarText(valueNode) : '';
      });
    }
    return record;
  }

  entries(map: YAMLMap, path: string): LocatedEntry[] {
    const entries: LocatedEntry[] = [];
    this.eachStringEntry(map, path, (key, item, keyNode, valueNode) => {
      const keySpan = this.keySpanOf(item) ?? this.span(keyNode);
      const valueSpan = valueNode ? this.span(valueNode) : keySpan;
      entries.push({
        key,
        value: valueNode && !isNull(valueNode) ? scalarText(valueNode) : '',
        keySpan,
        valueSpan,
        span: this.source.lineIndex.span(this.source.file, keySpan.start, Math.max(keySpan.end, valueSpan.end)),
      });
    });
    return entries;
  }

  /**
   * Each `key: scalar` of a map, `<<` merges included, the first occurrence of a key winning;
   * values that are not scalars are reported and skipped.
   */
  private eachStringEntry(map: YAMLMap, path: string, visit: (key: string, item: Pair, keyNode: Scalar, valueNode: Scalar | undefined) => void): void {
    this.eachEntry(map, (key, item, keyNode, valueNode) => {
      if (valueNode !== undefined && !isScalar(valueNode)) {
        this.report(valueNode, `${path}.${key} should be a string, not ${describe(valueNode)}`);
        return;
      }
      visit(key, item, keyNode, valueNode);
    });
  }

  report(node: Node, message: string): void {
    this.issues.push({ ...this.span(node), message });
  }
}

export function scalarText(node: Scalar): string {
  if (typeof node.value === 'string') return node.value;
  // Keep the token as written (`0755`, `1.10`), not the number YAML made of it.
  if (typeof node.source === 'string' && node.source !== '') return node.source;
  return node.value === null || node.value === undefined ? '' : String(node.value);
}

export function isNull(node: Node): boolean {
  return isScalar(node) && node.value === null;
}

function describe(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'null';
    return `${typeof node.value === 'string' ? 'the string' : typeof node.value} ${JSON.stringify(scalarText(node))}`;
  }
  return 'an alias';
}

/** Convenience for typed readers: `entries` as a plain record. */
export function recordOf(map: LocatedStringMap | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const entry of map?.entries ?? []) record[entry.key] = entry.value;
  return record;
}
