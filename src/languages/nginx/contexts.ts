import type { NginxContext } from './directives/types.js';
import { DirectiveTable } from './directives/index.js';

/**
 * The context a statement is read in: one of nginx's command contexts, `free` inside blocks
 * whose entries a module parses itself (`types`, `map`, `geo`, Lua bodies…), or `unknown`
 * inside a block nginx would not accept, where nothing can be checked.
 */
export type AnalysisContext = NginxContext | 'free' | 'unknown';

/** Blocks that open a new command context, by the context they appear in. */
const BLOCK_CONTEXTS: Partial<Record<NginxContext, Record<string, NginxContext>>> = {
  main: { events: 'events', http: 'http', mail: 'mail', stream: 'stream', dso: 'dso', processes: 'processes' },
  processes: { process: 'process' },
  http: { server: 'server', upstream: 'upstream', match: 'match' },
  server: { location: 'location', if: 'if_server' },
  location: { location: 'location', if: 'if_location', limit_except: 'limit_except' },
  if_location: { location: 'location', if: 'if_location', limit_except: 'limit_except' },
  stream: { server: 'stream_server', upstream: 'stream_upstream', match: 'match' },
  mail: { server: 'mail_server' },
};

/** The context of the children of block directive `name` found in context `parent`. */
export function blockContext(parent: AnalysisContext, name: string, table: DirectiveTable = DirectiveTable.builtin): AnalysisContext {
  if (parent === 'free' || parent === 'unknown') return parent;
  const specs = table.lookup(name);
  if (specs.some((spec) => (spec.freeBlock === true || spec.rawBlock === true) && spec.contexts.includes(parent))) return 'free';
  const child = BLOCK_CONTEXTS[parent]?.[name];
  if (child) return child;
  // A free block used where it is not allowed still holds free-form entries.
  if (specs.length > 0 && specs.every((spec) => spec.freeBlock === true || spec.rawBlock === true)) return 'free';
  return 'unknown';
}

/** The context reached from `main` through the given block names, e.g. `['http', 'server']`. */
export function contextFromPath(path: readonly string[], table: DirectiveTable = DirectiveTable.builtin): AnalysisContext {
  let context: AnalysisContext = 'main';
  for (const name of path) context = blockContext(context, name, table);
  return context;
}
