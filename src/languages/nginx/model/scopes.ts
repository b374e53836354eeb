import type { NginxConfig, NginxDirective, NginxStatement } from '../ast.js';
import { MAX_INCLUSIONS } from '../analyze.js';
import type { ProxyHeaderList } from './headers.js';

/**
 * A block level of an nginx configuration with includes expanded: `main`, `http`, a `server`,
 * a `location`, an `if`, an `upstream`… Rules ask scopes for the directives in effect at a
 * level instead of walking files and includes themselves. A tree is not changed once built:
 * the queries below keep what they work out per scope.
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
  /** The `include` statements that led into this scope's directives, for each directive that came through one. */
  includedVia: ReadonlyMap<NginxDirective, readonly NginxDirective[]>;
  /** This level's directives by name, kept by the first query of a level large enough to need it. */
  byName: Map<string, NginxDirective[]> | undefined;
  /** The `proxy_set_header` list this level defines, kept by the first query that asks for it. */
  proxyHeaders: ProxyHeaderList | undefined;
}

const NO_INCLUDES: ReadonlyMap<NginxDirective, readonly NginxDirective[]> = new Map();

/**
 * Builds the scope tree of one configuration, expanding includes in place. A snippet read in a
 * context (e.g. `['http']` for a conf.d file) hangs below synthetic scopes for the blocks it
 * would be included from, which have no `directive` and no directives of their own: nothing
 * is known about them, so rules must not assume nginx's defaults were left in place there.
 */
export function buildScopeTree(config: NginxConfig, rootContext: readonly string[] = config.context ?? []): NginxScope {
  const main: NginxScope = { kind: 'main', directives: [], children: [], includedVia: NO_INCLUDES, byName: undefined, proxyHeaders: undefined };
  let innermost = main;
  for (const kind of rootContext) {
    const synthetic: NginxScope = { kind, parent: innermost, directives: [], children: [], includedVia: NO_INCLUDES, byName: undefined, proxyHeaders: undefined };
    innermost.children.push(synthetic);
    innermost = synthetic;
  }
  const rootFile = config.files.get(config.root);
  if (!rootFile) return main;
  // Most levels include nothing and share one empty map; these are the ones that do.
  const includedInto = new Map<NginxScope, Map<NginxDirective, NginxDirective[]>>();
  // Like the analyzer (which reports it), expansion stops after MAX_INCLUSIONS: a file included
  // twice at each of a few levels would otherwise grow the tree exponentially.
  let inclusions = 0;
  fill(innermost, rootFile.statements, [], new Set([config.root]));
  return main;

  function fill(scope: NginxScope, statements: NginxStatement[], via: NginxDirective[], chain: Set<string>): void {
    // Counted loops over directives here and below: they run once per directive of a large
    // config in code V8 has not optimized yet, where `for…of` costs an iterator step each.
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      if (statement.type !== 'directive') continue;
      if (statement.name === 'include' && statement.includes) {
        for (const path of statement.includes) {
          const file = config.files.get(path);
          if (!file || chain.has(path) || ++inclusions > MAX_INCLUSIONS) continue;
          const next = new Set(chain).add(path);
          fill(scope, file.statements, [...via, statement], next);
        }
        continue;
      }
      scope.directives.push(statement);
      if (via.length > 0) {
        let included = includedInto.get(scope);
        if (!included) {
          included = new Map();
          includedInto.set(scope, included);
          scope.includedVia = included;
        }
        included.set(statement, via);
      }
      if (statement.block) {
        const child: NginxScope = {
          kind: statement.name,
          directive: statement,
          parent: scope,
          directives: [],
          children: [],
          includedVia: NO_INCLUDES,
          byName: undefined,
          proxyHeaders: undefined,
        };
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

const NONE: readonly NginxDirective[] = [];

/**
 * Levels with at least this many directives are grouped by name on their first query, as the
 * `http` level of a large configuration, which holds thousands of servers and which every
 * location's questions reach: filtering it per question made the lint quadratic. Smaller levels
 * are scanned, which costs less than a map per location.
 */
const GROUPED_FROM = 32;

function groupedByName(scope: NginxScope): Map<string, NginxDirective[]> | undefined {
  if (scope.directives.length < GROUPED_FROM) return undefined;
  let byName = scope.byName;
  if (!byName) {
    byName = new Map();
    for (const directive of scope.directives) {
      const named = byName.get(directive.name);
      if (named) named.push(directive);
      else byName.set(directive.name, [directive]);
    }
    scope.byName = byName;
  }
  return byName;
}

/** Directives named `name` directly in `scope`, in reading order (possibly shared: do not modify). */
export function directivesIn(scope: NginxScope, name: string): readonly NginxDirective[] {
  const grouped = groupedByName(scope);
  return grouped ? (grouped.get(name) ?? NONE) : scope.directives.filter((d) => d.name === name);
}

function firstIn(scope: NginxScope, name: string): NginxDirective | undefined {
  const grouped = groupedByName(scope);
  if (grouped) return grouped.get(name)?.[0];
  const directives = scope.directives;
  for (let i = 0; i < directives.length; i++) if (directives[i]!.name === name) return directives[i];
  return undefined;
}

/** The nearest level from `scope` up to `main` that has a directive named `name` itself. */
export function nearestLevelWith(scope: NginxScope, name: string): NginxScope | undefined {
  for (let level: NginxScope | undefined = scope; level; level = level.parent) if (firstIn(level, name)) return level;
  return undefined;
}

/**
 * The nearest definition of a single-valued directive, searching from `scope` up to `main`
 * (how nginx merges most settings: a lower level inherits unless it sets its own).
 * With several definitions at one level nginx uses the first and rejects the rest as duplicates.
 */
export function effectiveDirective(scope: NginxScope, name: string): { directive: NginxDirective; scope: NginxScope } | undefined {
  for (let level: NginxScope | undefined = scope; level; level = level.parent) {
    const found = firstIn(level, name);
    if (found) return { directive: found, scope: level };
  }
  return undefined;
}

/**
 * For array-valued directives such as `proxy_set_header`, `add_header` or `proxy_hide_header`:
 * a level inherits the parent's list only when it defines none of its own.
 */
export function effectiveDirectiveList(scope: NginxScope, name: string): { directives: readonly NginxDirective[]; scope: NginxScope } | undefined {
  const level = nearestLevelWith(scope, name);
  return level && { directives: directivesIn(level, name), scope: level };
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
