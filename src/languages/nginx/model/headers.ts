import type { NginxDirective, NginxToken } from '../ast.js';
import { argCountOf, argValueOf } from '../directive-node.js';
import type { NginxMap, NginxModel } from './index.js';
import { directivesIn, nearestLevelWith, type NginxScope } from './scopes.js';

export interface ProxyHeaderList {
  /** Keyed by lower-case header name; the first directive for a name wins. */
  readonly headers: ReadonlyMap<string, NginxDirective>;
  /** The level that defines the list; absent when no level does. */
  readonly scope?: NginxScope;
}

const NO_HEADERS: ProxyHeaderList = { headers: new Map() };

/** The `proxy_set_header` directives in effect at `scope` (shared by every caller: do not modify). */
export function effectiveProxyHeaders(scope: NginxScope): ProxyHeaderList {
  const level = nearestLevelWith(scope, 'proxy_set_header');
  if (!level) return NO_HEADERS;
  // The list each defining level sets is kept on that level, shared by every level below that inherits it.
  let list = level.proxyHeaders;
  if (!list) {
    const headers = new Map<string, NginxDirective>();
    for (const directive of directivesIn(level, 'proxy_set_header')) {
      // The name alone: building argument tokens for every header of a large config costs more.
      if (argCountOf(directive) === 0) continue;
      const name = argValueOf(directive, 0).toLowerCase();
      if (!headers.has(name)) headers.set(name, directive);
    }
    list = { headers, scope: level };
    level.proxyHeaders = list;
  }
  return list;
}

/**
 * The `proxy_set_header` in effect at `scope` for one header (`name` in lower case), without
 * building the whole list: rules that ask every location for one header need no map per location.
 */
export function effectiveProxyHeader(scope: NginxScope, name: string): NginxDirective | undefined {
  const level = nearestLevelWith(scope, 'proxy_set_header');
  if (!level) return undefined;
  const list = level.proxyHeaders;
  if (list) return list.headers.get(name);
  for (const directive of directivesIn(level, 'proxy_set_header')) {
    if (argCountOf(directive) > 0 && argValueOf(directive, 0).toLowerCase() === name) return directive;
  }
  return undefined;
}

/**
 * What a `proxy_set_header Connection …` value sends on an ordinary request (one without
 * `Upgrade`): `keeps` the upstream connection open (empty, so no header at all, or a token list
 * without `close`), `closes` it (`close`, or the client's own header via `$http_connection`),
 * or `unknown` (a variable hoplint cannot evaluate).
 */
export type ConnectionEffect =
  | { effect: 'keeps' }
  | { effect: 'closes'; reason: 'literal' | 'client-header' }
  | { effect: 'closes'; reason: 'map'; map: NginxMap; entry?: { source: string; value: NginxToken; directive: NginxDirective } }
  | { effect: 'unknown' };

const CLOSE_TOKEN = /(?:^|[\s,])close(?:$|[\s,])/i;

function literalEffect(value: string): ConnectionEffect {
  return CLOSE_TOKEN.test(value) ? { effect: 'closes', reason: 'literal' } : { effect: 'keeps' };
}

export function connectionEffect(model: NginxModel, value: string): ConnectionEffect {
  if (!value.includes('$')) return literalEffect(value);
  const variable = /^\$\{?(\w+)\}?$/.exec(value)?.[1];
  if (variable === undefined) return { effect: 'unknown' };
  if (variable.toLowerCase() === 'http_connection') return { effect: 'closes', reason: 'client-header' };
  const map = model.maps.find((m) => m.variable === `$${variable}`);
  if (!map) return { effect: 'unknown' };
  // A request without Upgrade has an empty $http_upgrade: the `''` entry, else `default`, else "".
  const source = map.entries.has('') ? '' : map.entries.has('default') ? 'default' : undefined;
  const entry = source === undefined ? undefined : map.entries.get(source);
  if (!entry) return { effect: 'keeps' };
  if (entry.value.includes('$')) return { effect: 'unknown' };
  const token = entry.directive.args[0];
  if (literalEffect(entry.value).effect === 'keeps') return { effect: 'keeps' };
  return { effect: 'closes', reason: 'map', map, ...(token && source !== undefined ? { entry: { source, value: token, directive: entry.directive } } : {}) };
}
