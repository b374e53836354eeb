import type { NginxConfig, NginxDirective, NginxStatement } from '../../languages/nginx/ast.js';

/**
 * A block level of an nginx configuration with includes expanded: `main`, `http`, a `server`,
 * a `location`, an `if`, an `upstream`… Rules ask scopes for the directives in effect at a
 * level instead of walking files and includes themselves.
 */
export interface NginxScope {
  /** `main`, or the name of the block directive that opens the scope (`http`, `location`, …). */
  kind: string;
  /** The block directive that opens this scope; absent for `main`. */
  directive?: NginxDirective;
  parent?: NginxScope;
  /** Directives directly in this scope, in nginx's reading order, includes expanded. */
  directives: NginxDirective[];
  children: NginxScope[];
  /** The `include` statements that led into this scope's directives, per directive. */
  includedVia: Map<NginxDirective, NginxDirective[]>;
}

/**
 * Builds the scope tree of one configuration, expanding includes in place. A snippet read in a
 * context (e.g. `['http']` for a conf.d file) hangs below synthetic scopes for the blocks it
 * would be included from, which have no `directive` and no directives of their own: nothing
 * is known about them, so rules must not assume nginx's defaults were left in place there.
 */
export function buildScopeTree(config: NginxConfig, rootContext: readonly string[] = config.context ?? []): NginxScope {
  const main: NginxScope = { kind: 'main', directives: [], children: [], includedVia: new Map() };
  let innermost = main;
  for (const kind of rootContext) {
    const synthetic: NginxScope = { kind, parent: innermost, directives: [], children: [], includedVia: new Map() };
    innermost.children.push(synthetic);
    innermost = synthetic;
  }
  const rootFile = config.files.get(config.root);
  if (!rootFile) return main;
  fill(innermost, rootFile.statements, [], new Set([config.root]));
  return main;

  function fill(scope: NginxScope, statements: NginxStatement[], via: NginxDirective[], chain: Set<string>): void {
    for (const statement of statements) {
      if (statement.type !== 'directive') continue;
      if (statement.name === 'include' && statement.includes) {
        for (const path of statement.includes) {
          const file = config.files.get(path);
          if (!file || chain.has(path)) continue;
          const next = new Set(chain).add(path);
          fill(scope, file.statements, [...via, statement], next);
        }
        continue;
      }
      scope.directives.push(statement);
      if (via.length > 0) scope.includedVia.set(statement, via);
      if (statement.block) {
        const child: NginxScope = { kind: statement.name, directive: statement, parent: scope, directives: [], children: [], includedVia: new Map() };
        scope.children.push(child);
        fill(child, statement.block, via, chain);
      }
    }
  }
}

/** Every scope of the tree, parents before children. */
export function allScopes(root: NginxScope): NginxScope[] {
  const out: NginxScope[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const scope = stack.pop()!;
    out.push(scope);
    for (let i = scope.children.length - 1; i >= 0; i--) stack.push(scope.children[i]!);
  }
  return out;
}

/** Directives named `name` directly in `scope`. */
export function directivesIn(scope: NginxScope, name: string): NginxDirective[] {
  return scope.directives.filter((d) => d.name === name);
}

/**
 * The nearest definition of a single-valued directive, searching from `scope` up to `main`
 * (how nginx merges most settings: a lower level inherits unless it sets its own).
 * With several definitions at one level nginx uses the first and rejects the rest as duplicates.
 */
export function effectiveDirective(scope: NginxScope, name: string): { directive: NginxDirective; scope: NginxScope } | undefined {
  for (let level: NginxScope | undefined = scope; level; level = level.parent) {
    const found = level.directives.find((d) => d.name === name);
    if (found) return { directive: found, scope: level };
  }
  return undefined;
}

/**
 * For array-valued directives such as `proxy_set_header`, `add_header` or `proxy_hide_header`:
 * a level inherits the parent's list only when it defines none of its own.
 */
export function effectiveDirectiveList(scope: NginxScope, name: string): { directives: NginxDirective[]; scope: NginxScope } | undefined {
  for (let level: NginxScope | undefined = scope; level; level = level.parent) {
    const found = level.directives.filter((d) => d.name === name);
    if (found.length > 0) return { directives: found, scope: level };
  }
  return undefined;
}

/** The closest enclosing scope of one of the given kinds, `scope` itself included. */
export function enclosing(scope: NginxScope, kinds: readonly string[]): NginxScope | undefined {
  for (let level: NginxScope | undefined = scope; level; level = level.parent) if (kinds.includes(level.kind)) return level;
  return undefined;
}

/** Whether `scope` is a level that no linted file shows (the blocks around a snippet). */
export function isUnseen(scope: NginxScope): boolean {
  return scope.parent !== undefined && scope.directive === undefined;
}

/** Whether some level from `scope` up is unseen, so an inherited setting may come from a file hoplint was not given. */
export function hasUnseenAncestor(scope: NginxScope): boolean {
  for (let level: NginxScope | undefined = scope; level; level = level.parent) if (isUnseen(level)) return true;
  return false;
}

/**
 * The statement written in `scope`'s own block that brings `directive` into it: the directive
 * itself, or the `include` in that block that leads to it. Edits anchored there stay in the
 * block's own file and leave shared snippets untouched.
 */
export function statementInBlock(scope: NginxScope, directive: NginxDirective): NginxDirective {
  const block = scope.directive;
  if (!block || directive.span.file === block.span.file) return directive;
  const via = scope.includedVia.get(directive) ?? [];
  return via.find((include) => include.span.file === block.span.file && include.span.start > block.span.start && include.span.end <= block.span.end) ?? directive;
}
