import { isMap, isNode, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { SourceRange } from '../../core/source.js';
import { at } from '../../engine/rule.js';
import { FieldReader, scalarText, type KubernetesObject } from '../../languages/kubernetes/index.js';
import { DEFAULT_MAX_ALIAS_COUNT, spanOfKey, spanOfNode } from '../../languages/yaml/index.js';
import type { Workspace } from '../../link/workspace.js';
import { formatObjectPath, parseObjectPath, type PathStep } from '../object-path.js';
import type { KubernetesSelectInput, Match, ViewPath } from '../types.js';
import { wildcardMatcher } from '../wildcard.js';

/** How a node was reached: through a mapping key (whose pair is known) or as a sequence item. */
interface Reached {
  node: Node | undefined;
  pair?: Pair;
  steps: Array<string | number>;
}

function isMergeKey(node: unknown): boolean {
  return isScalar(node) && node.value === '<<';
}

/** Walks concrete and wildcard steps from `start`; aliases and `<<` merge keys are followed. */
function walk(reader: FieldReader, start: Reached, steps: readonly PathStep[]): Reached[] {
  let frontier = [start];
  for (const step of steps) {
    const next: Reached[] = [];
    for (const here of frontier) {
      const node = here.node;
      if ('key' in step) {
        if (!isMap(node)) continue;
        const pair = reader.pair(node, step.key);
        if (pair) next.push({ node: reader.resolve(pair.value), pair, steps: [...here.steps, step.key] });
      } else if ('index' in step) {
        if (!isSeq(node) || step.index >= node.items.length) continue;
        next.push({ node: reader.resolve(node.items[step.index]), steps: [...here.steps, step.index] });
      } else if (isSeq(node)) {
        node.items.forEach((item, index) => next.push({ node: reader.resolve(item), steps: [...here.steps, index] }));
      } else if (isMap(node)) {
        for (const pair of node.items) {
          const key = reader.resolve(pair.key);
          if (!isScalar(key) || isMergeKey(key)) continue;
          next.push({ node: reader.resolve(pair.value), pair, steps: [...here.steps, scalarText(key)] });
        }
      }
    }
    frontier = next;
  }
  return frontier;
}

/** Where a reached node is best pointed at: a scalar's value, a collection's key, a list item's first entry. */
function pointAt(reader: FieldReader, reached: Reached, fallback: SourceRange): SourceRange {
  const { node, pair } = reached;
  if (isScalar(node)) {
    const span = spanOfNode(reader.source, node);
    if (span && span.end > span.start) return at(span);
  }
  if (pair) {
    const span = spanOfKey(reader.source, pair);
    if (span) return at(span);
  }
  if (isMap(node) && node.items[0]) {
    const first = node.items[0];
    const span = isScalar(reader.resolve(first.value)) ? spanOfNode(reader.source, first) : spanOfKey(reader.source, first);
    if (span) return at(span);
  }
  const span = spanOfNode(reader.source, node);
  return span ? at(span) : fallback;
}

/** The plain value of a node, with alias expansion bounded like the loader's. */
function plain(node: Node | undefined, doc: Document.Parsed): unknown {
  if (node === undefined) return null;
  if (!isNode(node)) return null;
  try {
    return node.toJS(doc, { maxAliasCount: DEFAULT_MAX_ALIAS_COUNT }) as unknown;
  } catch {
    return undefined;
  }
}

function objectMatches(object: KubernetesObject, select: KubernetesSelectInput): boolean {
  if (!wildcardMatcher(select.kind)(object.kind)) return false;
  if (!wildcardMatcher(select.apiVersion)(object.apiVersion)) return false;
  if (!wildcardMatcher(select.namespace)(object.namespace)) return false;
  if (select.name !== undefined && (object.name === undefined || !wildcardMatcher(select.name)(object.name))) return false;
  return Object.entries(select.labels ?? {}).every(([key, value]) => object.labels[key] === value);
}

/** Objects of the selected kinds and namespaces, or the nodes `path` reaches inside them, with views. */
export function selectKubernetes(workspace: Workspace, select: KubernetesSelectInput): Match[] {
  const parsed = select.path === undefined ? [] : parseObjectPath(select.path);
  if (!Array.isArray(parsed)) return [];
  const matches: Match[] = [];
  for (const object of workspace.kubernetes.objects) {
    if (!objectMatches(object, select)) continue;
    const document = object.source.documents[object.documentIndex];
    if (!document) continue;
    const reader = new FieldReader(object.source, document.doc, []);
    const objectAnchor = at(object.nameSpan ?? object.kindSpan);
    const identity = { kind: object.kind, name: object.name ?? '', namespace: object.namespace, apiVersion: object.apiVersion };
    for (const reached of walk(reader, { node: object.node, steps: [] }, parsed)) {
      const view = plain(reached.node, document.doc);
      if (view === undefined) continue;
      const anchor = reached.steps.length === 0 ? objectAnchor : pointAt(reader, reached, objectAnchor);
      const locateIn = (path: ViewPath): SourceRange => {
        let deepest: Reached = reached;
        for (const segment of path) {
          const [found] = walk(reader, deepest, [typeof segment === 'number' ? { index: segment } : { key: segment }]);
          if (!found) break;
          deepest = found;
        }
        return deepest === reached ? anchor : pointAt(reader, deepest, anchor);
      };
      matches.push({
        view,
        file: object.file,
        anchor,
        locate: locateIn,
        findChildren: (name) => {
          const steps = parseObjectPath(name);
          return Array.isArray(steps) ? walk(reader, reached, steps).map((found) => pointAt(reader, found, anchor)) : [];
        },
        context: { ...identity, object: identity },
        path: formatObjectPath(reached.steps),
      });
    }
  }
  return matches;
}
