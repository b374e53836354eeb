import type { NginxDirective, NginxToken } from '../../languages/nginx/ast.js';
import type { NginxMap, NginxModel } from './index.js';
import { effectiveDirectiveList, type NginxScope } from './scopes.js';

/** The `proxy_set_header` directives in effect at `scope`, keyed by lower-case header name. */
export function effectiveProxyHeaders(scope: NginxScope): { headers: Map<string, NginxDirective>; scope?: NginxScope } {
  const found = effectiveDirectiveList(scope, 'proxy_set_header');
  const headers = new Map<string, NginxDirective>();
  if (!found) return { headers };
  for (const directive of found.directives) {
    const name = directive.args[0]?.value.toLowerCase();
    if (name !== undefined && !headers.has(name)) headers.set(name, directive);
  }
  return { headers, scope: found.scope };
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
