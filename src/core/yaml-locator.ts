import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { LineIndex } from './source.js';

/** Where the value (or key) at a path of a YAML or JSON document is written, for `file:line:column` in error messages. */
export type PathLocator = (path: ReadonlyArray<string | number>, focus?: 'key' | 'value') => { line: number; column: number };

function keyMatches(key: unknown, segment: string | number): boolean {
  return isScalar(key) ? String(key.value) === String(segment) : String(key) === String(segment);
}

/**
 * Maps a path into the config (`['rules', 'nginx/x', 1]`) to the line and column of that YAML
 * node, so that schema errors point at what is wrong. `focus: 'key'` points at a mapping key
 * (an unknown property) rather than its value. Falls back to the deepest node that exists.
 */
export function yamlLocator(document: Document, text: string): PathLocator {
  const index = new LineIndex(text);
  return (path, focus = 'value') => {
    let node: unknown = document.contents;
    let offset = (document.contents as Node | null)?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, segment));
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        const valueNode = pair.value as Node | null;
        if (last && focus === 'key' && keyNode?.range) {
          offset = keyNode.range[0];
          node = keyNode;
          break;
        }
        node = valueNode;
        offset = valueNode?.range?.[0] ?? keyNode?.range?.[0] ?? offset;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        node = item;
        offset = item.range?.[0] ?? offset;
      } else {
        break;
      }
    }
    return index.positionAt(offset);
  };
}

/** JSON-pointer segments of an ajv instancePath: `/rules/nginx~1x/1` → `['rules', 'nginx/x', 1]`. */
export function pointerSegments(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}
