import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { Span } from '../../core/source.js';
import { spanOfKey, spanOfNode, type YamlLoadResult } from './loader.js';

/** Alias chains longer than this are treated as broken rather than followed. */
const MAX_ALIAS_HOPS = 16;
/** Nested `<<` merge keys deeper than this are not followed. */
export const MAX_MERGE_DEPTH = 8;

/** A plain `<<` key: the loader enables merge keys, so the parser gives it a symbol value. */
export function isMergeKey(node: Scalar): boolean {
  return node.type === 'PLAIN' && (typeof node.value === 'symbol' || node.value === '<<') && node.source === '<<';
}

/** A scalar key's text: strings as they are, other scalars as written (`1.10`, not `1.1`). */
function keyText(node: Scalar): string {
  if (typeof node.value === 'string') return node.value;
  if (typeof node.source === 'string' && node.source !== '') return node.source;
  return node.value === null || node.value === undefined ? '' : String(node.value);
}

/**
 * The one way hoplint reads fields of a YAML document: aliases are followed one field at a time
 * (never expanded wholesale), and `<<` merge keys are honoured as Kubernetes' YAML decoder does,
 * a key the map writes itself winning over a merged one, the first of a repeated key winning.
 * Spans are positions in the file the document is written in, also for YAML embedded in a scalar.
 */
export class YamlFields {
  constructor(
    readonly source: YamlLoadResult,
    readonly doc: Document.Parsed,
  ) {}

  /** Follows aliases to the node they stand for. */
  resolve(node: unknown): Node | undefined {
    let current = node;
    for (let hops = 0; isAlias(current); hops++) {
      if (hops >= MAX_ALIAS_HOPS) return undefined;
      current = current.resolve(this.doc);
    }
    return isMap(current) || isSeq(current) || isScalar(current) ? current : undefined;
  }

  /** The pair for `key` in a mapping (aliases followed), looking through `<<` merge keys when the map has no such key itself. */
  pair(node: unknown, key: string, depth = 0): Pair | undefined {
    const map = isMap(node) ? node : this.resolve(node);
    if (!isMap(map)) return undefined;
    let merges: unknown[] | undefined;
    for (const item of (map as YAMLMap).items) {
      // Nearly every key is a plain string scalar, which can neither be a merge key nor an alias.
      const rawKey = item.key;
      if (isScalar(rawKey) && typeof rawKey.value === 'string' && rawKey.value !== '<<') {
        if (rawKey.value === key) return item;
        continue;
      }
      const itemKey = this.resolve(rawKey);
      if (!isScalar(itemKey)) continue;
      if (isMergeKey(itemKey)) {
        if (depth < MAX_MERGE_DEPTH) (merges ??= []).push(item.value);
      } else if (keyText(itemKey) === key) {
        return item;
      }
    }
    for (const merge of merges ?? []) {
      const resolved = this.resolve(merge);
      const sources = isSeq(resolved) ? resolved.items.map((item) => this.resolve(item)) : [resolved];
      for (const candidate of sources) {
        if (!isMap(candidate)) continue;
        const found = this.pair(candidate, key, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** The value of `key`, aliases followed. */
  value(node: unknown, key: string): Node | undefined {
    return this.resolve(this.pair(node, key)?.value);
  }

  /**
   * Each `key: value` of a mapping, `<<` merges included, the first occurrence of a key winning;
   * `visit` gets the key's text, its pair, and the value with aliases followed.
   */
  eachEntry(node: unknown, visit: (key: string, pair: Pair, keyNode: Scalar, value: Node | undefined) => void): void {
    const root = isMap(node) ? node : this.resolve(node);
    if (!isMap(root)) return;
    const seen = new Set<string>();
    const collect = (current: YAMLMap, depth: number): void => {
      const merges: unknown[] = [];
      for (const item of current.items) {
        const keyNode = this.resolve(item.key);
        if (!isScalar(keyNode)) continue;
        if (isMergeKey(keyNode)) {
          merges.push(item.value);
          continue;
        }
        const key = keyText(keyNode);
        if (seen.has(key)) continue;
        seen.add(key);
        visit(key, item, keyNode, this.resolve(item.value));
      }
      if (depth >= MAX_MERGE_DEPTH) return;
      for (const merge of merges) {
        const resolved = this.resolve(merge);
        const sources = isSeq(resolved) ? resolved.items.map((item) => this.resolve(item)) : [resolved];
        for (const candidate of sources) if (isMap(candidate)) collect(candidate, depth + 1);
      }
    };
    collect(root as YAMLMap, 0);
  }

  /** A node's span with trailing line breaks dropped; undefined for a node without a source range. */
  spanOf(node: Node | Pair | null | undefined): Span | undefined {
    return spanOfNode(this.source, node);
  }

  keySpanOf(pair: Pair): Span | undefined {
    return spanOfKey(this.source, pair);
  }
}
