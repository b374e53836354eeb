import type { NginxDirective } from '../ast.js';
import type { NginxScope } from './scopes.js';

/** Blocks inside a `location` that take their proxy settings from it and cannot hold most of them (`proxy_http_version`, `proxy_set_header`). */
const LOCATION_SUBBLOCKS = new Set(['if', 'limit_except']);

/**
 * The `location` whose proxy settings a directive in `scope` (a `proxy_pass`, typically) uses:
 * `scope` itself, or the location around its `if`/`limit_except` block. That is where a
 * directive only `http`, `server` and `location` accept must go to apply there. Undefined when
 * `scope` is not inside a location.
 */
export function proxyingLocation(scope: NginxScope): { scope: NginxScope; block: NginxDirective } | undefined {
  let level: NginxScope | undefined = scope;
  while (level && LOCATION_SUBBLOCKS.has(level.kind)) level = level.parent;
  if (!level || level.kind !== 'location' || !level.directive) return undefined;
  return { scope: level, block: level.directive };
}
