import type { NginxDirective } from '../../languages/nginx/ast.js';
import type { NginxModel } from './index.js';
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
 * Whether a `proxy_set_header Connection …` value clears the header for ordinary requests: the
 * empty string, or a `map` variable whose result for requests without `Upgrade` (the `''`
 * source, else `default`) is empty. The usual WebSocket map yields `close` there and does not.
 */
export function clearsConnectionHeader(model: NginxModel, value: string): boolean {
  if (value === '') return true;
  const variable = /^\$\w+$/.exec(value)?.[0];
  if (!variable) return false;
  const map = model.maps.find((m) => m.variable === variable);
  if (!map) return false;
  const forPlainRequests = map.entries.get('') ?? map.entries.get('default');
  return forPlainRequests?.value === '';
}
