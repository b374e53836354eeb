import { isAlias, isCollection, isPair, isScalar } from 'yaml';
import type { Document } from 'yaml';

export interface AliasLimits {
  maxAliasCount: number;
  maxExpandedNodes: number;
}

export interface AliasProblem {
  start: number;
  end: number;
  message: string;
}

/** What one node turns into once every alias under it is expanded. */
interface ExpansionCost {
  aliases: number;
  nodes: number;
}

const IN_PROGRESS: ExpansionCost = { aliases: Number.NaN, nodes: Number.NaN };

/**
 * Measures a document's full alias expansion without performing it, so a "billion laughs"
 * document is refused in time linear in its text. Each alias costs one dereference plus what its
 * anchor costs; the anchor's cost is memoised, so nested anchors multiply arithmetically, not in
 * memory. The problem is positioned on the alias at which a limit is first crossed, in document
 * order — the one a reader should look at.
 */
export function checkAliasExpansion(doc: Document.Parsed, limits: AliasLimits): AliasProblem | undefined {
  const anchors = new Map<string, unknown>();
  const costs = new Map<unknown, ExpansionCost>();
  let aliasesSoFar = 0;
  let nodesSoFar = 0;
  let problem: AliasProblem | undefined;

  const fail = (node: { range?: readonly number[] | null }, message: string): ExpansionCost => {
    const range = node.range ?? [0, 0];
    problem ??= { start: range[0] ?? 0, end: range[1] ?? 0, message };
    return { aliases: 0, nodes: 0 };
  };

  const measure = (node: unknown): ExpansionCost => {
    if (problem || node === null || node === undefined) return { aliases: 0, nodes: 0 };
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return fail(node, `YAML alias *${node.source} has no anchor &${node.source} before it`);
      const targetCost = costs.get(target);
      if (targetCost === undefined || targetCost === IN_PROGRESS) {
        return fail(node, `YAML alias *${node.source} refers to its own anchor: the value would be infinite`);
      }
      aliasesSoFar += 1 + targetCost.aliases;
      nodesSoFar += targetCost.nodes;
      if (aliasesSoFar > limits.maxAliasCount) {
        return fail(node, `YAML alias expansion exceeds ${limits.maxAliasCount} aliases (alias bomb?): *${node.source} is not expanded`);
      }
      if (nodesSoFar > limits.maxExpandedNodes) {
        return fail(node, `YAML alias expansion exceeds ${limits.maxExpandedNodes} nodes: *${node.source} is not expanded`);
      }
      return { aliases: 1 + targetCost.aliases, nodes: targetCost.nodes };
    }
    const anchor = isScalar(node) || isCollection(node) ? node.anchor : undefined;
    if (anchor) {
      anchors.set(anchor, node);
      costs.set(node, IN_PROGRESS);
    }
    const cost: ExpansionCost = { aliases: 0, nodes: 1 };
    nodesSoFar += 1;
    if (isCollection(node)) {
      for (const item of node.items) {
        const parts = isPair(item) ? [item.key, item.value] : [item];
        for (const part of parts) {
          const child = measure(part);
          cost.aliases += child.aliases;
          cost.nodes += child.nodes;
        }
      }
    }
    if (anchor) costs.set(node, cost);
    return cost;
  };

  try {
    measure(doc.contents);
  } catch (error) {
    // Only a stack overflow can escape `measure`; nesting that deep is not a configuration.
    if (!(error instanceof RangeError)) throw error;
    return { start: doc.range[0], end: doc.range[1], message: 'YAML nesting is too deep to analyse' };
  }
  return problem;
}
