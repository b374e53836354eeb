/**
 * A CSS-like selector over nginx block names: `upstream`, `http > upstream` (directly inside
 * `http`), `server location` (anywhere inside a `server`), `server > *`. The last step names the
 * directive; the steps before it name enclosing blocks. Not anchored: `server > location` matches
 * in every `http` block.
 */
export interface NginxSelector {
  /** Innermost step first: the directive, then its enclosing blocks outwards. */
  steps: Array<{ name: string; combinator: 'child' | 'descendant' }>;
  text: string;
}

const NAME = /^(\*|[A-Za-z0-9_]+)$/;

/** Parses a selector; the error says what is wrong in it. */
export function parseNginxSelector(text: string): NginxSelector | { error: string } {
  const tokens = text.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/).filter(Boolean);
  const steps: NginxSelector['steps'] = [];
  let combinator: 'child' | 'descendant' = 'descendant';
  for (const [index, token] of tokens.entries()) {
    if (token === '>') {
      if (steps.length === 0 || combinator === 'child') return { error: `"${text}": ">" must stand between two block names` };
      combinator = 'child';
      continue;
    }
    if (!NAME.test(token)) return { error: `"${text}": "${token}" is not a directive name (letters, digits, "_", or "*")` };
    steps.push({ name: token, combinator: index === 0 ? 'descendant' : combinator });
    combinator = 'descendant';
  }
  if (steps.length === 0) return { error: 'the nginx selector is empty' };
  if (combinator === 'child') return { error: `"${text}": a selector cannot end with ">"` };
  // Store innermost first: the combinator of a step relates it to the step before it (outer).
  const reversed = steps.reverse().map((step, i, all) => ({ name: step.name, combinator: i + 1 < all.length ? step.combinator : ('descendant' as const) }));
  return { steps: reversed, text };
}

/**
 * Whether a directive named `name` inside the blocks `context` (outermost first, e.g.
 * `['http', 'server']`) matches the selector.
 */
export function matchesNginxSelector(selector: NginxSelector, name: string, context: readonly string[]): boolean {
  const [target, ...outer] = selector.steps;
  if (!target || !nameMatches(target.name, name)) return false;
  return matchOuter(outer, target.combinator, context, context.length - 1);

  function matchOuter(steps: NginxSelector['steps'], relation: 'child' | 'descendant', blocks: readonly string[], from: number): boolean {
    const [step, ...rest] = steps;
    if (!step) return true;
    if (relation === 'child') {
      return from >= 0 && nameMatches(step.name, blocks[from]!) && matchOuter(rest, step.combinator, blocks, from - 1);
    }
    for (let i = from; i >= 0; i--) {
      if (nameMatches(step.name, blocks[i]!) && matchOuter(rest, step.combinator, blocks, i - 1)) return true;
    }
    return false;
  }
}

function nameMatches(pattern: string, name: string): boolean {
  return pattern === '*' || pattern === name;
}
